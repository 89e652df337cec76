import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { searchPlaces, type GazetteerEntry } from '@poc/domain';
import { ToInt } from '../shared/query-params';
import { Roles } from '@poc/platform/auth';

export class PlacesQuery {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Segou', description: 'part of a name, cercle or region; case and accents ignored' })
  @IsString() @MinLength(1) @MaxLength(100)
  q!: string;

  @ApiPropertyOptional({ type: 'integer', default: 10, minimum: 1, maximum: 50 })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(50)
  limit?: number;
}

class PlaceDto {
  @ApiProperty({ example: 'Ségou' }) name!: string;
  @ApiProperty({ enum: ['place', 'cercle', 'region'] }) kind!: string;
  @ApiProperty({ example: 13.4317, minimum: -90, maximum: 90 }) lat!: number;
  @ApiProperty({ example: -6.2157, minimum: -180, maximum: 180 }) lon!: number;
  @ApiProperty({ enum: [1, 2, 3], example: 1, description: 'ACLED geo_precision of a report coded here' }) precision!: number;
  @ApiPropertyOptional({ example: 'Ségou' }) cercle?: string;
  @ApiProperty({ example: 'Ségou' }) region!: string;
}

/** The mission's gazetteer (DOMAIN.md), for picking where an alert or incident happened. */
@ApiTags('places')
@ApiBearerAuth()
@Controller('places')
@Roles('operator', 'ops', 'analyst')
export class PlacesController {
  @Get()
  @ApiOkResponse({ type: PlaceDto, isArray: true, description: 'names starting with q first, then other matches, alphabetically' })
  search(@Query() query: PlacesQuery): GazetteerEntry[] {
    return searchPlaces(query.q, query.limit ?? 10);
  }
}
