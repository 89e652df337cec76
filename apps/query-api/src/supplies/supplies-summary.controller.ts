import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { suppliesSummary, supplyDeliveriesProjection, supplyDeliveriesQuery, type SuppliesSummary, type SupplyDeliveryView } from '@poc/projections';
import { Roles } from '@poc/platform/auth';
import { asOfInstant } from '../deterrence/deterrence-query';
import { RangeAsOfQuery } from '../returns/range-as-of.query';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { rangeOf } from '../shared/report-range';
import { SuppliesSummaryDto } from './supplies-summary.dto';

/** Courts and prisons supplied; definitions in docs/readiness.md. */
@ApiTags('supplies')
@ApiBearerAuth()
@Controller('supplies')
@Roles('ops', 'analyst')
export class SuppliesSummaryController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('summary')
  @ApiOkResponse({ type: SuppliesSummaryDto, description: 'distinct courts and prisons supplied in the range (institutions, not deliveries), and the deliveries' })
  async summary(@Query() query: RangeAsOfQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<SuppliesSummary> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([supplyDeliveriesProjection], query.minPosition));
    const range = { ...rangeOf(query), asOf: asOfInstant(query.asOf) };
    const deliveries = await this.readModels.find<SupplyDeliveryView>(
      supplyDeliveriesProjection,
      supplyDeliveriesQuery({ deliveredFrom: range.from, deliveredTo: range.to, recordedBy: range.asOf }),
    );
    return suppliesSummary(deliveries, range);
  }
}
