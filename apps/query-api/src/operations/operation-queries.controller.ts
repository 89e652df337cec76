import { Controller, Get, Inject, Param, Query, Res, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { setFreshnessHeaders } from '../shared/freshness';
import { lowerBound, RangeQuery, ReadOwnWritesQuery, upperBound } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { BaseViewDto, FlightViewDto, IedViewDto } from './operation-views.dto';
import { Roles } from '@poc/platform/auth';
import { ApiIdParam, IdPipe } from '@poc/platform/http';

/**
 * Flights, bases and IEDs: plain lists by time, and one by id. A class per view, so that each
 * answers with its own published schema.
 */
const timedList = <Doc>(view: Type) => {
  abstract class TimedListController {
    protected abstract readonly projection: Projection<Doc>;
    protected abstract readonly timeColumn: string;
    protected abstract readonly what: string;

    // An undecorated abstract class gets no constructor metadata: name the dependency, or Nest injects undefined.
    constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

    @Get()
    @ApiOkResponse({ type: view, isArray: true })
    async list(@Query() query: RangeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Doc[]> {
      setFreshnessHeaders(reply, await this.readModels.waitFor([this.projection], query.minPosition));
      const where: Condition[] = [];
      if (query.from) where.push({ column: this.timeColumn, op: '>=', value: lowerBound(query.from) });
      if (query.to) where.push({ column: this.timeColumn, op: '<=', value: upperBound(query.to) });
      return this.readModels.find(this.projection, { where, orderBy: [{ column: this.timeColumn }], limit: query.limit ?? 100, offset: query.offset ?? 0 });
    }

    @Get(':id')
    @ApiIdParam()
    @ApiOkResponse({ type: view })
    async get(@Param('id', IdPipe) id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Doc> {
      setFreshnessHeaders(reply, await this.readModels.waitFor([this.projection], query.minPosition));
      return this.readModels.get(this.projection, id, this.what);
    }
  }
  return TimedListController;
};

@ApiTags('flights') @ApiBearerAuth() @Roles('ops', 'analyst') @Controller('flights')
export class FlightQueriesController extends timedList<FlightView>(FlightViewDto) {
  protected readonly projection = flightsProjection;
  protected readonly timeColumn = 'dispatched_at';
  protected readonly what = 'flight';
}

@ApiTags('bases') @ApiBearerAuth() @Roles('ops', 'analyst') @Controller('bases')
export class BaseQueriesController extends timedList<BaseView>(BaseViewDto) {
  protected readonly projection = basesProjection;
  protected readonly timeColumn = 'established_at';
  protected readonly what = 'base';
}

@ApiTags('ieds') @ApiBearerAuth() @Roles('ops', 'analyst') @Controller('ieds')
export class IedQueriesController extends timedList<IedView>(IedViewDto) {
  protected readonly projection = iedsProjection;
  protected readonly timeColumn = 'detected_at';
  protected readonly what = 'IED';
}
