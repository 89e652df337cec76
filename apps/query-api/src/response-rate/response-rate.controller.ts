import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { alertsProjection, alertsReceivedQuery, flightsProjection, responseRate, withKeys, type AlertView, type FlightView, type ResponseRate } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { rangeOf, ReportRangeQuery } from '../shared/report-range';
import { Roles } from '@poc/platform/auth';

class ResponseRateDto {
  @ApiProperty({ example: 12, description: 'alerts received in the range and not closed as unfounded' }) actionable!: number;
  @ApiProperty({ example: 9, description: 'actionable alerts with a flight (not aborted) or a patrol deployed for them' }) responded!: number;
  @ApiProperty({ example: 0.75, nullable: true, type: Number, description: 'responded / actionable; null when nothing was actionable' }) rate!: number | null;
  @ApiProperty({ example: 42.5, nullable: true, type: Number, description: 'median minutes from receipt to the first executed response' })
  medianMinutesToResponse!: number | null;
  @ApiProperty({ example: 180, nullable: true, type: Number, description: '90th percentile (nearest rank) of the same minutes' })
  p90MinutesToResponse!: number | null;
  @ApiProperty({ example: '2020-03-01T00:00:00.000Z', nullable: true, type: String, description: 'the range used; null = unbounded' }) from!: string | null;
  @ApiProperty({ example: '2020-03-31T23:59:59.999Z', nullable: true, type: String }) to!: string | null;
}

/** The mandate's rate of response to alerts; definitions in docs/response-rate.md. */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('response-rate')
@Roles('ops', 'analyst')
export class ResponseRateController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ApiOkResponse({ type: ResponseRateDto })
  async get(@Query() query: ReportRangeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<ResponseRate> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([alertsProjection, flightsProjection], query.minPosition));
    const range = rangeOf(query);
    // Received alerts only: a document that only a response has reached so far has no receipt time.
    const alerts = await this.readModels.find<AlertView>(alertsProjection, alertsReceivedQuery(range));
    // Only the flights these alerts link to: their status says whether they were aborted.
    const flightIds = [...new Set(alerts.flatMap((a) => a.responses.filter((r) => r.kind === 'flight').map((r) => r.id)))];
    const flights =
      flightIds.length === 0 ? [] : await this.readModels.find<FlightView>(flightsProjection, withKeys(flightIds));
    return responseRate(alerts, flights, range);
  }
}
