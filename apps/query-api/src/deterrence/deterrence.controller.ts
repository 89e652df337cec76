import { Controller, Get, Header, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { incidentsProjection, presencesProjection } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { decayChartSvg } from './decay-chart.svg';
import { DeterrenceInputs } from './deterrence-inputs.service';
import { asOfInstant, DeterrenceQuery } from './deterrence-query';
import { DeterrenceDto } from './deterrence-view.dto';
import { computeDeterrence, DEFAULT_RADIUS_KM, type DeterrenceResult } from '@poc/deterrence';
import { Roles } from '@poc/platform/auth';

/** The bound of DeterrenceInputs, as the API documents it (docs/deterrence.md, "Limits"). */
const TOO_BIG = {
  description:
    'The selection is more than one request computes: over 3,000 focal presence episodes, or over 100,000 incidents in the cells and days its episodes need. ' +
    'Nothing is computed; narrow it with operation, cercle, from, to.',
};

const fmt = (v: number | null | undefined, digits = 2): string => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—');

/** The pooled decay curve over the episodes the filters select (docs/deterrence.md). */
@ApiTags('deterrence')
@ApiExtraModels(DeterrenceDto)
@ApiBearerAuth()
@Controller('deterrence')
@Roles('ops', 'analyst')
export class DeterrenceController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly inputs: DeterrenceInputs,
  ) {}

  private async compute(query: DeterrenceQuery, reply: FastifyReply): Promise<DeterrenceResult> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([presencesProjection, incidentsProjection], query.minPosition));
    const asOf = asOfInstant(query.asOf);
    const radiusKm = query.radiusKm ?? DEFAULT_RADIUS_KM;
    const filter = {
      ...(query.operation && { operation: query.operation }),
      ...(query.cercle && { cercle: query.cercle }),
      ...(query.from && { from: query.from.slice(0, 10) }),
      ...(query.to && { to: query.to.slice(0, 10) }),
    };
    const focal = await this.inputs.focal(filter, asOf);
    const inputs = await this.inputs.forPresences(focal, { radiusKm, asOf });
    return computeDeterrence({ ...inputs, asOf, radiusKm, filter, verified: query.verified ?? 'all', ...(query.groupBy && { groupBy: query.groupBy }) });
  }

  /** JSON by default; `Accept: text/csv` gives the daily curve as CSV. */
  @Get()
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(DeterrenceDto) } },
      'text/csv': { schema: { type: 'string', description: 'one row per day: day,incidents,atRisk,rate,rateRatio,ci95Low,ci95High,provisional,…,verified' } },
    },
  })
  @ApiUnprocessableEntityResponse(TOO_BIG)
  async pooled(@Query() query: DeterrenceQuery, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.compute(query, reply);
    if (!accept?.includes('text/csv')) return result;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    return stringify(
      result.days.map((d) => ({
        day: d.day,
        incidents: d.incidents,
        atRisk: d.atRisk,
        rate: d.rate ?? '',
        rateRatio: d.rateRatio ?? '',
        ci95Low: d.ci95?.[0] ?? '',
        ci95High: d.ci95?.[1] ?? '',
        provisional: d.provisional,
        baselineRate: result.baselineRate ?? '',
        radiusKm: result.radiusKm,
        asOf: result.asOf,
        verified: result.verified,
        methodologyVersion: result.methodologyVersion,
      })),
      { header: true, cast: { boolean: (b) => String(b) } },
    );
  }

  @Get('chart.svg')
  @Header('content-type', 'image/svg+xml; charset=utf-8')
  @ApiOkResponse({ content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiUnprocessableEntityResponse(TOO_BIG)
  async chart(@Query() query: DeterrenceQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const r = await this.compute(query, reply);
    const scope = [query.operation && `operation ${query.operation}`, query.cercle && `cercle ${query.cercle}`].filter(Boolean).join(', ') || 'all presences';
    const counted = r.verified === 'only' ? 'verified incidents only' : 'all incidents';
    const ci = r.ci95 ? `${fmt(r.ci95[0])}–${r.ci95[1] === null ? '∞' : fmt(r.ci95[1])}` : 'not estimable';
    // Per-day bands are the exact intervals of each day's ratio, scaled by the baseline rate.
    const scale = r.baselineRate ?? 0;
    return decayChartSvg({
      title: `Deterrence decay — ${scope}, within ${r.radiusKm} km`,
      subtitle: `${r.episodes} episodes; post/baseline rate ratio ${fmt(r.rateRatio)} (95% CI ${ci}); effect horizon ${r.horizonDays ?? '—'} days`,
      points: r.days.map((d) => ({
        day: d.day,
        rate: d.rate,
        lo: d.ci95 && scale ? d.ci95[0] * scale : null,
        hi: d.ci95 && scale && d.ci95[1] !== null ? d.ci95[1] * scale : null,
      })),
      baselineRate: r.baselineRate,
      footnote: `Methodology ${r.methodologyVersion}; as of ${r.asOf}; ${counted}${r.provisional ? '; some windows provisional (reporting lag)' : ''}. Band: exact 95% interval of each day's rate ratio.`,
    });
  }
}
