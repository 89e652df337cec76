import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { iedsProjection, iedsQuery, iedSummary, type IedSummary, type IedView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { rangeOf, ReportRangeQuery } from '../shared/report-range';
import { IedSummaryDto } from './ied-summary-view.dto';
import { Roles } from '@poc/platform/auth';

/**
 * The share of IEDs neutralised before going off, per month and axis, and per convoy escort.
 * Registered before IedQueriesController so that `/ieds/summary` never reaches its `GET /ieds/:id`.
 */
@ApiTags('ieds')
@ApiBearerAuth()
@Controller('ieds')
@Roles('ops', 'analyst')
export class IedSummaryController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('summary')
  @ApiOkResponse({ type: IedSummaryDto, description: 'IEDs detected from..to, with the status they have now: found, neutralised, detonated, the share neutralised, casualties; per convoy found and cleared' })
  async summary(@Query() query: ReportRangeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<IedSummary> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([iedsProjection], query.minPosition));
    const range = rangeOf(query);
    const ieds = await this.readModels.find<IedView>(iedsProjection, iedsQuery({ detectedFrom: range.from, detectedTo: range.to }, { order: 'detected' }));
    return iedSummary(ieds, range);
  }
}
