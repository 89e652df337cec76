import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Area, GeoPrecision, Location } from '@poc/domain';

/**
 * Response shapes shared by the read side. They describe what the projections store
 * (libs/projections), so the published schema is what clients get; schemathesis checks
 * every answer against it.
 */
export class LocationViewDto implements Location {
  @ApiProperty({ example: 14.3501, minimum: -90, maximum: 90 }) lat!: number;
  @ApiProperty({ example: -3.6104, minimum: -180, maximum: 180 }) lon!: number;
  @ApiProperty({ enum: [1, 2, 3], example: 1, description: 'ACLED geo_precision' }) precision!: GeoPrecision;
  @ApiPropertyOptional({ example: 'Bandiagara' }) place?: string;
  @ApiPropertyOptional({ example: 'Bandiagara' }) cercle?: string;
  @ApiPropertyOptional({ example: 'Mopti' }) region?: string;
  @ApiProperty({ example: '8759b00abffffff', description: 'H3 cell, resolution 7' }) h3!: string;
}

export class AreaViewDto implements Area {
  @ApiProperty({ example: 14.064 }) lat!: number;
  @ApiProperty({ example: -3.0754 }) lon!: number;
  @ApiProperty({ example: 10 }) radiusKm!: number;
  @ApiProperty({ example: '8759b3953ffffff' }) h3!: string;
}

/** An exact 95% interval: the upper end is null when unbounded. */
export const CI95 = {
  type: 'array',
  items: { type: 'number', nullable: true },
  minItems: 2,
  maxItems: 2,
  nullable: true,
  example: [0.2, 0.9],
} as const;

/** Times leave the API as ISO 8601 UTC with milliseconds. */
export const TIME = { type: String, format: 'date-time', example: '2020-03-05T09:30:00.000Z' } as const;
