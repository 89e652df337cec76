import { BadRequestException, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ALL_PROJECTIONS } from '@poc/projections';
import { gatherPeriodReport, renderMarkdown, type PeriodReport } from '@poc/reports';
import { Roles } from '@poc/platform/auth';
import { asOfInstant } from '../deterrence/deterrence-query';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { PeriodReportDto, PeriodReportQuery } from './period-report.dto';

/** Every figure of a period in one document (docs/readiness.md, "The period report"). */
@ApiTags('reports')
@ApiBearerAuth()
@ApiExtraModels(PeriodReportDto)
@Controller('reports')
@Roles('ops', 'analyst')
export class PeriodReportController {
  constructor(private readonly readModels: ReadModels) {}

  /** JSON by default; `Accept: text/markdown` gives the tables for a letter's annex. */
  @Get('period')
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PeriodReportDto) } },
      'text/markdown': { schema: { type: 'string' } },
    },
  })
  async period(@Query() query: PeriodReportQuery, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<PeriodReport | string> {
    if (query.from > query.to) throw new BadRequestException('from must not be after to');
    setFreshnessHeaders(reply, await this.readModels.waitFor(ALL_PROJECTIONS, query.minPosition));
    const report = await gatherPeriodReport(this.readModels, { from: query.from, to: query.to, asOf: asOfInstant(query.asOf) });
    if (!accept?.includes('text/markdown')) return report;
    void reply.header('content-type', 'text/markdown; charset=utf-8');
    return renderMarkdown(report);
  }
}
