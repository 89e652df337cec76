import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { judicialCasesProjection, judicialCasesQuery, judicialSummary, type JudicialCaseView, type JudicialSummary } from '@poc/projections';
import { Roles } from '@poc/platform/auth';
import { asOfInstant } from '../deterrence/deterrence-query';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { upperBound } from '../shared/query-params';
import { JudicialSummaryDto } from './judicial-summary.dto';
import { JudicialSummaryQuery } from './judicial-summary.query';

/** The specialised judicial unit's figures on a day; definitions in docs/readiness.md. */
@ApiTags('judicial')
@ApiBearerAuth()
@Controller('judicial')
@Roles('ops', 'analyst')
export class JudicialSummaryController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('summary')
  @ApiOkResponse({ type: JudicialSummaryDto, description: 'cases under investigation (total, by category), people detained and convicted, on a day as known at asOf' })
  async summary(@Query() query: JudicialSummaryQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<JudicialSummary> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([judicialCasesProjection], query.minPosition));
    const on = query.on ?? new Date().toISOString().slice(0, 10);
    const asOf = asOfInstant(query.asOf);
    const cases = await this.readModels.find<JudicialCaseView>(judicialCasesProjection, judicialCasesQuery({ openedTo: upperBound(on), recordedBy: asOf }));
    return judicialSummary(cases, on, asOf);
  }
}
