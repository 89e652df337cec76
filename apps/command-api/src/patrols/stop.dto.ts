import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsBoolean, Max, Min } from 'class-validator';
import { IsFiniteNumber, IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

/** A halt of the patrol; each is a presence episode for the deterrence read model. */
export class StopDto {
  @ApiProperty({ example: 14.0775, minimum: -90, maximum: 90 }) @IsFiniteNumber() @Min(-90) @Max(90) lat!: number;
  @ApiProperty({ example: -3.5159, minimum: -180, maximum: 180 }) @IsFiniteNumber() @Min(-180) @Max(180) lon!: number;
  @IsUtcTime('2020-03-02T16:00:00Z', 'arrival at the stop') arrivedAt!: string;
  @IsUtcTime('2020-03-03T07:00:00Z', 'departure from the stop') departedAt!: string;
  @ApiPropertyOptional({ example: true }) @IsOmittable() @IsBoolean() overnight?: boolean;
  @IsShortText(120, 'Bankass') place?: string;
  @IsShortText(80, 'Bankass') cercle?: string;
  @IsShortText(80, 'Mopti') region?: string;
}
