import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { INCIDENT_KINDS, INCIDENT_SOURCES, type IncidentKind, type IncidentSource } from '@poc/domain';
import { LocationDto } from '../shared/geo.dto';
import { IncidentActorDto } from './incident-actor.dto';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

export class ReportIncidentDto {
  @IsUtcTime('2020-02-14T03:00:00Z', 'when it happened (reports often come days later)') occurredAt!: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => LocationDto)
  location!: LocationDto;

  @ApiProperty({ enum: INCIDENT_KINDS, example: 'attack-on-civilians' })
  @IsIn(INCIDENT_KINDS)
  kind!: IncidentKind;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100_000, example: 3, description: 'lowest reported figure (ACLED convention)' })
  @IsOmittable() @IsInt() @Min(0) @Max(100_000)
  fatalities?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100_000, example: 5 })
  @IsOmittable() @IsInt() @Min(0) @Max(100_000)
  injured?: number;

  @ApiPropertyOptional({ example: true }) @IsOmittable() @IsBoolean() targetsCivilians?: boolean;

  @ApiPropertyOptional({ enum: INCIDENT_SOURCES, example: 'civilian' })
  @IsOmittable() @IsIn(INCIDENT_SOURCES)
  source?: IncidentSource;

  @ApiPropertyOptional({ enum: [1, 2, 3], example: 1, description: '1 exact day, 2 within a week, 3 only the month (ACLED time_precision)' })
  @IsOmittable() @IsIn([1, 2, 3])
  timePrecision?: 1 | 2 | 3;

  @IsShortText(4000, 'Village attacked at dawn by armed men on motorbikes') description?: string;
  @IsShortText(80, 'FPU Senegal') reportingUnit?: string;

  @ApiPropertyOptional({ type: IncidentActorDto, description: 'who did it' })
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => IncidentActorDto)
  perpetrator?: IncidentActorDto;

  @ApiPropertyOptional({ type: IncidentActorDto, description: 'who suffered it' })
  @IsOmittable() @IsObject() @ValidateNested() @Type(() => IncidentActorDto)
  target?: IncidentActorDto;
}
