import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Max, Min } from 'class-validator';
import { IsFiniteNumber, IsOmittable, IsShortText } from './validators';

export class LocationDto {
  @ApiProperty({ example: 14.3501, minimum: -90, maximum: 90 })
  @IsFiniteNumber() @Min(-90) @Max(90)
  lat!: number;

  @ApiProperty({ example: -3.6104, minimum: -180, maximum: 180 })
  @IsFiniteNumber() @Min(-180) @Max(180)
  lon!: number;

  @ApiPropertyOptional({ enum: [1, 2, 3], example: 1, description: '1 exact or named town, 2 near a town, 3 region only (ACLED geo_precision)' })
  @IsOmittable() @IsIn([1, 2, 3])
  precision?: 1 | 2 | 3;

  @IsShortText(120, 'Bandiagara') place?: string;
  @IsShortText(80, 'Bandiagara') cercle?: string;
  @IsShortText(80, 'Mopti') region?: string;
}

export class AreaDto {
  @ApiProperty({ example: 14.064, minimum: -90, maximum: 90 })
  @IsFiniteNumber() @Min(-90) @Max(90)
  lat!: number;

  @ApiProperty({ example: -3.0754, minimum: -180, maximum: 180 })
  @IsFiniteNumber() @Min(-180) @Max(180)
  lon!: number;

  @ApiProperty({ example: 10, minimum: 0.1, maximum: 500, description: 'kilometres' })
  @IsFiniteNumber() @Min(0.1) @Max(500)
  radiusKm!: number;
}
