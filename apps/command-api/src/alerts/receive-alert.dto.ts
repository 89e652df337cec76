import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { ALERT_CHANNELS, THREAT_KINDS, type AlertChannel, type ThreatKind } from '@poc/domain';
import { LocationDto } from '../shared/geo.dto';
import { IsShortText, IsUtcTime } from '../shared/validators';

export class ThreatDto {
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

export class ReceiveAlertDto {
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
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CallerDto)
  caller?: CallerDto;
}
