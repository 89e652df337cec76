import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  basesProjection,
  flightsProjection,
  iedsProjection,
  type BaseView,
  type Condition,
  type FlightView,
  type IedView,
  type Projection,
} from '@poc/projections';
import { Roles } from '@poc/platform';
import { setFreshnessHeaders } from '../shared/freshness';
import { lowerBound, RangeQuery, ReadOwnWritesQuery, upperBound } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';

/** Flights, bases and IEDs: plain lists by time, and one by id. */
abstract class TimedListController<Doc> {
  protected abstract readonly projection: Projection<Doc>;
  protected abstract readonly timeColumn: string;
  protected abstract readonly what: string;

  // An undecorated abstract class gets no constructor metadata: name the dependency, or Nest injects undefined.
  constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

  @Get()
  async list(@Query() query: RangeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Doc[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([this.projection], query.minPosition));
    const where: Condition[] = [];
    if (query.from) where.push({ column: this.timeColumn, op: '>=', value: lowerBound(query.from) });
    if (query.to) where.push({ column: this.timeColumn, op: '<=', value: upperBound(query.to) });
    return this.readModels.find(this.projection, { where, orderBy: [{ column: this.timeColumn }], limit: query.limit ?? 100, offset: query.offset ?? 0 });
  }

  @Get(':id')
  async get(@Param('id') id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Doc> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([this.projection], query.minPosition));
    return this.readModels.get(this.projection, id, this.what);
  }
}

@ApiTags('flights') @ApiBearerAuth() @Roles('ops', 'analyst') @Controller('flights')
export class FlightQueriesController extends TimedListController<FlightView> {
  protected readonly projection = flightsProjection;
  protected readonly timeColumn = 'dispatched_at';
  protected readonly what = 'flight';
}

@ApiTags('bases') @ApiBearerAuth() @Roles('ops', 'analyst') @Controller('bases')
export class BaseQueriesController extends TimedListController<BaseView> {
  protected readonly projection = basesProjection;
  protected readonly timeColumn = 'established_at';
  protected readonly what = 'base';
}

@ApiTags('ieds') @ApiBearerAuth() @Roles('ops', 'analyst') @Controller('ieds')
export class IedQueriesController extends TimedListController<IedView> {
  protected readonly projection = iedsProjection;
  protected readonly timeColumn = 'detected_at';
  protected readonly what = 'IED';
}
