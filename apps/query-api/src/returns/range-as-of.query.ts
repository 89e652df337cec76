import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsQueryTime } from '../shared/query-params';
import { ReportRangeQuery } from '../shared/report-range';

/** A report's range, and what had been recorded by when (returns, supplies). */
export class RangeAsOfQuery extends ReportRangeQuery {
  @ApiPropertyOptional({ example: '2020-06-01T00:00:00Z', description: 'what had been recorded by then (a bare day: its end); now by default' })
  @IsOptional() @IsQueryTime()
  asOf?: string;
}
