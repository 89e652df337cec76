import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

/** Query strings are text: turn digits into a number, leave anything else to fail validation. */
export const ToInt = () => Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));
export const ToNumber = () =>
  Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value));

export class ReadOwnWritesQuery {
  @ApiPropertyOptional({ description: 'wait (a few seconds at most) until the read models have applied this position' })
  @IsOptional() @ToInt() @IsInt() @Min(0)
  minPosition?: number;
}

export class PageQuery extends ReadOwnWritesQuery {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @ToInt() @IsInt() @Min(0)
  offset?: number;
}

export class RangeQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2020-03-01', description: 'from this day or time (UTC), inclusive' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2020-03-31', description: 'up to this day or time (UTC), inclusive' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

/** A bare day as `to` means the whole of that day. */
export const upperBound = (to: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : new Date(to).toISOString());
export const lowerBound = (from: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(from) ? `${from}T00:00:00.000Z` : new Date(from).toISOString());
