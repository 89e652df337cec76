import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsQueryTime, ReadOwnWritesQuery, ToNumber } from '../shared/query-params';
import { DEFAULT_RADIUS_KM, VERIFIED_SELECTIONS, type VerifiedSelection } from '@poc/deterrence';

const GROUP_KEYS = ['operation', 'cercle', 'unit', 'kind', 'month'] as const;

export class RadiusAsOfQuery extends ReadOwnWritesQuery {
  @ApiPropertyOptional({ default: DEFAULT_RADIUS_KM, minimum: 0.5, maximum: 100, description: 'vicinity radius in km (5, 10, 25 are the standard ones)' })
  @IsOptional() @ToNumber() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.5) @Max(100)
  radiusKm?: number;

  @ApiPropertyOptional({ example: '2020-03-20T00:00:00Z', description: 'what had been recorded by then (default: now)' })
  @IsOptional() @IsQueryTime()
  asOf?: string;

  @ApiPropertyOptional({ enum: VERIFIED_SELECTIONS, default: 'all', description: 'only: count only incidents verified as known at asOf; the answer says which (verified)' })
  @IsOptional() @IsIn(VERIFIED_SELECTIONS)
  verified?: VerifiedSelection;
}

export class DeterrenceQuery extends RadiusAsOfQuery {
  @ApiPropertyOptional({ example: 'Buffalo' }) @IsOptional() @IsString() @MaxLength(80) operation?: string;
  @ApiPropertyOptional({ example: 'Bankass' }) @IsOptional() @IsString() @MaxLength(80) cercle?: string;
  @ApiPropertyOptional({ example: '2020-02-01', description: 'episodes departing from this day' }) @IsOptional() @IsQueryTime() from?: string;
  @ApiPropertyOptional({ example: '2020-04-30', description: 'episodes departing up to this day' }) @IsOptional() @IsQueryTime() to?: string;

  @ApiPropertyOptional({ enum: GROUP_KEYS, isArray: true, description: 'comma-separated: also give the curve per group' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray() @IsIn(GROUP_KEYS, { each: true })
  groupBy?: (typeof GROUP_KEYS)[number][];
}

/** asOf as an instant: a bare day means the end of that day. */
export const asOfInstant = (asOf: string | undefined): string =>
  asOf === undefined ? new Date().toISOString() : /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T23:59:59.999Z` : new Date(asOf).toISOString();
