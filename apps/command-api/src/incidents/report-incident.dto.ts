import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { INCIDENT_KINDS, INCIDENT_SOURCES, type IncidentKind, type IncidentSource } from '@poc/domain';
import { LocationDto } from '../shared/geo.dto';
import { IsShortText, IsUtcTime } from '../shared/validators';

export class ReportIncidentDto {
  @IsUtcTime('2020-02-14T03:00:00Z', 'when it happened (reports often come days later)') occurredAt!: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => LocationDto)
  location!: LocationDto;

  @ApiProperty({ enum: INCIDENT_KINDS, example: 'attack-on-civilians' })
  @IsIn(INCIDENT_KINDS)
  kind!: IncidentKind;

  @ApiPropertyOptional({ minimum: 0, example: 3, description: 'lowest reported figure (ACLED convention)' })
  @IsOptional() @IsInt() @Min(0) @Max(100_000)
  fatalities?: number;

  @ApiPropertyOptional({ minimum: 0, example: 5 })
  @IsOptional() @IsInt() @Min(0) @Max(100_000)
  injured?: number;

  @ApiPropertyOptional({ example: true }) @IsOptional() @IsBoolean() targetsCivilians?: boolean;

  @ApiPropertyOptional({ enum: INCIDENT_SOURCES, example: 'civilian' })
  @IsOptional() @IsIn(INCIDENT_SOURCES)
  source?: IncidentSource;

  @ApiPropertyOptional({ enum: [1, 2, 3], example: 1, description: '1 exact day, 2 within a week, 3 only the month (ACLED time_precision)' })
  @IsOptional() @IsIn([1, 2, 3])
  timePrecision?: 1 | 2 | 3;

  @IsShortText(4000, 'Village attacked at dawn by armed men on motorbikes') description?: string;
  @IsShortText(80, 'FPU Senegal') reportingUnit?: string;
}
