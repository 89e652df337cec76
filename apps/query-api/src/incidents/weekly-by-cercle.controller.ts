import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { dailyIncidentCounts, incidentsProjection } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadOwnWritesQuery } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { weeklyByCercle, weeklyWindows, type WeeklyByCercle } from './weekly-by-cercle';
import { Roles } from '@poc/platform/auth';

/** A calendar day that exists (no 2020-02-30), in years where five weeks back is still a plain date. */
const isDay = (value: unknown): boolean => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '1900-01-01') return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().startsWith(value);
};

export class WeeklyByCercleQuery extends ReadOwnWritesQuery {
  @ApiPropertyOptional({ format: 'date', example: '2020-03-31', description: 'the last day of the week (UTC); today by default' })
  @IsOptional()
  @ValidateBy({ name: 'isDay', validator: { validate: isDay, defaultMessage: () => 'asOf must be a day, YYYY-MM-DD' } })
  asOf?: string;
}

class CercleWeekDto {
  @ApiProperty({ example: 'Bankass' }) cercle!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Mopti', description: 'the region most of its reports name' }) region!: string | null;
  @ApiProperty({ type: 'integer', example: 3, description: 'incidents that occurred weekFrom…weekTo' }) thisWeek!: number;
  @ApiProperty({ type: 'integer', example: 4, description: 'incidents that occurred beforeFrom…beforeTo' }) fourWeeksBefore!: number;
  @ApiProperty({ example: 1, description: 'fourWeeksBefore / 4' }) weeklyAverageBefore!: number;
}

class WeeklyByCercleDto {
  @ApiProperty({ format: 'date', example: '2020-03-31' }) asOf!: string;
  @ApiProperty({ format: 'date', example: '2020-03-25' }) weekFrom!: string;
  @ApiProperty({ format: 'date', example: '2020-03-31' }) weekTo!: string;
  @ApiProperty({ format: 'date', example: '2020-02-26' }) beforeFrom!: string;
  @ApiProperty({ format: 'date', example: '2020-03-24' }) beforeTo!: string;
  @ApiProperty({ type: [CercleWeekDto] }) cercles!: CercleWeekDto[];
}

/**
 * Where violence is rising: each cercle's week against its four before. Registered before
 * IncidentQueriesController so that `/incidents/weekly-by-cercle` never reaches its `GET /incidents/:id`.
 */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
@Roles('ops', 'analyst')
export class WeeklyByCercleController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('weekly-by-cercle')
  @ApiOkResponse({ type: WeeklyByCercleDto, description: 'cercles with an incident in the five weeks, busiest this week first; retracted incidents left out, corrected ones where they now fall' })
  async weekly(@Query() query: WeeklyByCercleQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<WeeklyByCercle> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([incidentsProjection], query.minPosition));
    const windows = weeklyWindows(query.asOf ?? new Date().toISOString().slice(0, 10));
    // One grouped query, so both windows come from the same state of the read model.
    const rows = await this.readModels.count(incidentsProjection, dailyIncidentCounts(['cercle', 'region'], { dayFrom: windows.beforeFrom, dayTo: windows.weekTo }));
    return weeklyByCercle(windows, rows);
  }
}
