import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  flightHourAllotmentsProjection,
  flightHourAllotmentsTouching,
  flightHoursByPurpose,
  flightsProjection,
  flightsQuery,
  type FlightHourAllotmentView,
  type FlightHoursByPurpose,
  type FlightView,
} from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { rangeOf, ReportRangeQuery } from '../shared/report-range';
import { FlightHoursByPurposeDto } from './flight-hours-view.dto';
import { Roles } from '@poc/platform/auth';

/**
 * Flight hours by purpose and month against each month's allotment. Registered before
 * FlightQueriesController so that `/flights/hours` never reaches its `GET /flights/:id`.
 */
@ApiTags('flights')
@ApiBearerAuth()
@Controller('flights')
@Roles('ops', 'analyst')
export class FlightHoursQueriesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('hours')
  @ApiOkResponse({
    type: FlightHoursByPurposeDto,
    description: 'flights that took off from..to, per month (of take-off) and purpose: sorties, hours (take-off to completion or abort), the allotment and the share used',
  })
  async hours(@Query() query: ReportRangeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<FlightHoursByPurpose> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([flightsProjection, flightHourAllotmentsProjection], query.minPosition));
    const range = rangeOf(query);
    const flights = await this.readModels.find<FlightView>(flightsProjection, flightsQuery({ takeOffFrom: range.from, takeOffTo: range.to }, { order: 'take-off' }));
    const allotments = await this.readModels.find<FlightHourAllotmentView>(flightHourAllotmentsProjection, flightHourAllotmentsTouching(range));
    return flightHoursByPurpose(flights, allotments, range);
  }
}
