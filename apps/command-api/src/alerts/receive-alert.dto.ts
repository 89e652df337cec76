import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import {
  ALERT_CHANNELS,
  RELIABILITY_GRADES,
  THREAT_KINDS,
  type AlertChannel,
  type Credibility,
  type ReceiveAlert,
  type Reliability,
  type ThreatKind,
} from '@poc/domain';
import { LocationDto } from '../shared/geo.dto';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

type Threat = ReceiveAlert['data']['threat'];

export class ThreatDto implements Threat {
  @ApiProperty({ enum: THREAT_KINDS, example: 'attack-on-civilians' })
  @IsIn(THREAT_KINDS)
  kind!: ThreatKind;

  @IsUtcTime('2020-03-06T04:00:00Z', 'when the caller fears the attack will come', true)
  expectedAt?: string;
}

/** Personal data: callers risk reprisals if identified. */
export class CallerDto {
  @IsShortText(120, 'Amadou') name?: string;
  @IsShortText(40, '+223 70 00 00 00') phone?: string;
}

/**
 * The body of POST /alerts: the command's data, but the caller in plain text (the vault seals
 * it before the command is built) and the id chosen by the server.
 */
export class ReceiveAlertDto implements Omit<ReceiveAlert['data'], 'alertId' | 'caller'> {
  @ApiProperty({ enum: ALERT_CHANNELS, example: 'hotline' })
  @IsIn(ALERT_CHANNELS)
  channel!: AlertChannel;

  @IsUtcTime('2020-03-05T09:30:00Z', 'when the call or message came in')
  receivedAt!: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => LocationDto)
  location!: LocationDto;

  @ApiProperty({ type: ThreatDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ThreatDto)
  threat!: ThreatDto;

  @IsShortText(4000, 'Armed men on motorbikes seen gathering east of the village')
  description?: string;

  @ApiPropertyOptional({ type: CallerDto })
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => CallerDto)
  caller?: CallerDto;

  @ApiPropertyOptional({
    enum: RELIABILITY_GRADES,
    example: 'C',
    description: 'source reliability at intake (Admiralty code: A completely reliable … E unreliable, F cannot be judged); omitted: F',
  })
  @IsOmittable() @IsIn(RELIABILITY_GRADES)
  reliability?: Reliability;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 6,
    example: 3,
    description: 'information credibility at intake (Admiralty code: 1 confirmed … 5 improbable, 6 cannot be judged); omitted: 6',
  })
  @IsOmittable() @IsInt() @Min(1) @Max(6)
  credibility?: Credibility;
}
