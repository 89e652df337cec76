import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { fleetCandidatesQuery, fleetOn, vehiclesProjection, type Fleet, type VehicleView } from '@poc/projections';
import { asOfInstant } from '../deterrence/deterrence-query';
import { setFreshnessHeaders } from '../shared/freshness';
import { IsQueryTime, ReadOwnWritesQuery, upperBound } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { FleetDto } from './vehicle-view.dto';
import { Roles } from '@poc/platform/auth';

/** A calendar day that exists: 2020-02-30 is refused, not rolled over into March. */
const isCalendarDay = (value: unknown): boolean =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value >= '1900-01-01' && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export class FleetQuery extends ReadOwnWritesQuery {
  @ApiPropertyOptional({ format: 'date', example: '2020-05-20', description: 'the day (UTC) the fleet is counted on; today by default' })
  @IsOptional()
  @ValidateBy({ name: 'isCalendarDay', validator: { validate: isCalendarDay, defaultMessage: () => 'on must be a day, YYYY-MM-DD' } })
  on?: string;

  @ApiPropertyOptional({ example: '2020-05-20T12:00:00Z', description: 'what had been recorded by then (a bare day: its end); everything by default' })
  @IsOptional() @IsQueryTime()
  asOf?: string;
}

@ApiTags('vehicles')
@ApiBearerAuth()
@Controller('fleet')
@Roles('ops', 'analyst')
export class FleetController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ApiOkResponse({ type: FleetDto, description: 'the armoured-vehicle fleet on a day: total, by status with shares, by contingent, unusable by cause' })
  async fleet(@Query() query: FleetQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Fleet> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([vehiclesProjection], query.minPosition));
    const on = query.on ?? new Date().toISOString().slice(0, 10);
    // Every vehicle registered by then, in one read: fleetOn decides which were in the fleet.
    const vehicles = await this.readModels.find<VehicleView>(vehiclesProjection, fleetCandidatesQuery(upperBound(on)));
    return fleetOn(vehicles, on, query.asOf === undefined ? undefined : asOfInstant(query.asOf));
  }
}
