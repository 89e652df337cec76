import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { basesProjection, basesQuery, incidentsProjection, tobSpeed, withKeys, type BaseView, type IncidentView, type TobSpeed } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { rangeOf, ReportRangeQuery } from '../shared/report-range';
import { Roles } from '@poc/platform/auth';

class BaseSpeedDto {
  @ApiProperty() baseId!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ format: 'date-time' }) establishedAt!: string;
  @ApiProperty({ nullable: true, type: String }) triggerIncidentId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) triggerOccurredAt!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 30 }) hours!: number | null;
  @ApiPropertyOptional({ enum: ['no-trigger', 'trigger-unknown', 'trigger-retracted', 'trigger-after-establishment'] }) excludedBecause?: string;
}

class TobSpeedDto {
  @ApiProperty({ example: 5, description: 'bases established in the range' }) bases!: number;
  @ApiProperty({ example: 4, description: 'bases with a known, active trigger incident no later than the establishment' }) withTrigger!: number;
  @ApiProperty({ example: 36, nullable: true, type: Number }) medianHours!: number | null;
  @ApiProperty({ example: 3, description: 'bases up in strictly less than 48 h after their trigger' }) under48h!: number;
  @ApiProperty({ example: 0.75, nullable: true, type: Number, description: 'under48h / withTrigger' }) shareUnder48h!: number | null;
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
  @ApiProperty({ type: [BaseSpeedDto] }) perBase!: BaseSpeedDto[];
}

/**
 * TOBs set up in under 48 h (docs/response-rate.md). Registered before BaseQueriesController
 * so that `/bases/speed` never reaches its `GET /bases/:id`.
 */
@ApiTags('bases')
@ApiBearerAuth()
@Controller('bases')
@Roles('ops', 'analyst')
export class BaseSpeedController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('speed')
  @ApiOkResponse({ type: TobSpeedDto })
  async speed(@Query() query: ReportRangeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<TobSpeed> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([basesProjection, incidentsProjection], query.minPosition));
    const range = rangeOf(query);
    const bases = await this.readModels.find<BaseView>(basesProjection, basesQuery({ establishedFrom: range.from, establishedTo: range.to }));
    const triggerIds = [...new Set(bases.flatMap((b) => (b.triggerIncidentId ? [b.triggerIncidentId] : [])))];
    // Retracted triggers too: the pure function says why they do not count.
    const incidents =
      triggerIds.length === 0 ? [] : await this.readModels.find<IncidentView>(incidentsProjection, withKeys(triggerIds));
    return tobSpeed(bases, incidents, range);
  }
}
