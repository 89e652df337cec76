import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { IsQueryTime, ReadOwnWritesQuery } from '../shared/query-params';

/** A calendar day that exists (no 2020-02-30). */
const isDay = (value: unknown): boolean => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(value);
};

export class JudicialSummaryQuery extends ReadOwnWritesQuery {
  @ApiPropertyOptional({ format: 'date', example: '2020-05-20', description: 'the day (UTC) the figures are for, to its end; today by default' })
  @IsOptional()
  @ValidateBy({ name: 'isDay', validator: { validate: isDay, defaultMessage: () => 'on must be a day, YYYY-MM-DD' } })
  on?: string;

  @ApiPropertyOptional({ example: '2020-06-01T00:00:00Z', description: 'what had been recorded by then (a bare day: its end); now by default' })
  @IsOptional() @IsQueryTime()
  asOf?: string;
}
