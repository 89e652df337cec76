import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { returnsByCommune, returnsProjection, returnsQuery, type ReturnsReport, type ReturnView } from '@poc/projections';
import { Roles } from '@poc/platform/auth';
import { asOfInstant } from '../deterrence/deterrence-query';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { rangeOf } from '../shared/report-range';
import { RangeAsOfQuery } from './range-as-of.query';
import { ReturnsReportDto } from './returns-report.dto';

/** Displaced people helped back, per commune; definitions in docs/readiness.md. */
@ApiTags('returns')
@ApiBearerAuth()
@Controller('returns')
@Roles('ops', 'analyst')
export class ReturnsQueriesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ApiOkResponse({ type: ReturnsReportDto })
  async list(@Query() query: RangeAsOfQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReturnsReport> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([returnsProjection], query.minPosition));
    const range = { ...rangeOf(query), asOf: asOfInstant(query.asOf) };
    const returns = await this.readModels.find<ReturnView>(returnsProjection, returnsQuery({ returnedFrom: range.from, returnedTo: range.to, recordedBy: range.asOf }));
    return returnsByCommune(returns, range);
  }
}
