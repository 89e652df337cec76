import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min, ValidateBy } from 'class-validator';

/** Query strings are text: turn digits into a number, leave anything else to fail validation. */
export const ToInt = () => Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));
export const ToNumber = () =>
  Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value));

/**
 * A bare day or a calendar date and time. IsISO8601 also passes forms Date cannot read
 * (2020-061, 2020-W10-1, 2020-03-01T09Z): the bounds below then threw in toISOString (500).
 */
const QUERY_TIME = /^\d{4}-\d{2}-\d{2}([Tt]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;
export const IsQueryTime = () =>
  applyDecorators(
    IsISO8601({ strict: true }),
    ValidateBy({
      name: 'isQueryTime',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && QUERY_TIME.test(value) && Number.isFinite(Date.parse(value)),
        defaultMessage: () => '$property must be a day (2020-03-01) or a time (2020-03-01T09:30:00Z)',
      },
    }),
  );

/** Positions and offsets are bound as SQL integers: beyond this PostgreSQL's bigint overflows (500). */
const MAX_INTEGER = Number.MAX_SAFE_INTEGER;

export class ReadOwnWritesQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_INTEGER, description: 'wait (a few seconds at most) until the read models have applied this position' })
  @IsOptional() @ToInt() @IsInt() @Min(0) @Max(MAX_INTEGER)
  minPosition?: number;
}

export class PageQuery extends ReadOwnWritesQuery {
  @ApiPropertyOptional({ type: 'integer', default: 100, minimum: 1, maximum: 1000 })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0, maximum: MAX_INTEGER })
  @IsOptional() @ToInt() @IsInt() @Min(0) @Max(MAX_INTEGER)
  offset?: number;
}

export class RangeQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2020-03-01', description: 'from this day or time (UTC), inclusive' })
  @IsOptional() @IsQueryTime()
  from?: string;

  @ApiPropertyOptional({ example: '2020-03-31', description: 'up to this day or time (UTC), inclusive' })
  @IsOptional() @IsQueryTime()
  to?: string;
}

/** A bare day as `to` means the whole of that day. */
export const upperBound = (to: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : new Date(to).toISOString());
export const lowerBound = (from: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(from) ? `${from}T00:00:00.000Z` : new Date(from).toISOString());
