import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsQueryTime, lowerBound, ReadOwnWritesQuery, upperBound } from './query-params';

/** A range without paging: a figure is computed over everything in the range, never over a page. */
export class ReportRangeQuery extends ReadOwnWritesQuery {
  @ApiPropertyOptional({ example: '2020-03-01', description: 'from this day or time (UTC), inclusive' })
  @IsOptional() @IsQueryTime()
  from?: string;

  @ApiPropertyOptional({ example: '2020-03-31', description: 'up to this day or time (UTC), inclusive; a bare day means the whole day' })
  @IsOptional() @IsQueryTime()
  to?: string;
}

/** The query's bounds as ISO 8601 UTC times, absent when not given. */
export const rangeOf = (query: Pick<ReportRangeQuery, 'from' | 'to'>): { from?: string; to?: string } => ({
  ...(query.from && { from: lowerBound(query.from) }),
  ...(query.to && { to: upperBound(query.to) }),
});
