import { Controller, Get, Inject, Param, Query, Res, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  basesProjection,
  basesQuery,
  flightsProjection,
  flightsQuery,
  iedsProjection,
  iedsQuery,
  type BaseView,
  type FindQuery,
  type FlightView,
  type IedView,
  type Page,
  type Projection,
} from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { RangeQuery, ReadOwnWritesQuery } from '../shared/query-params';
import { rangeOf } from '../shared/report-range';
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
    /** The view's list within from..to of its main time, in that time's order. */
    protected abstract listQuery(range: Readonly<{ from?: string; to?: string }>, page: Page): FindQuery;
    protected abstract readonly what: string;

    // An undecorated abstract class gets no constructor metadata: name the dependency, or Nest injects undefined.
    constructor(@Inject(ReadModels) private readonly readModels: ReadModels) {}

    @Get()
    @ApiOkResponse({ type: view, isArray: true })
    async list(@Query() query: RangeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Doc[]> {
      setFreshnessHeaders(reply, await this.readModels.waitFor([this.projection], query.minPosition));
      return this.readModels.find(this.projection, this.listQuery(rangeOf(query), { limit: query.limit ?? 100, offset: query.offset ?? 0 }));
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
  protected listQuery(range: Readonly<{ from?: string; to?: string }>, page: Page): FindQuery {
    return flightsQuery({ dispatchedFrom: range.from, dispatchedTo: range.to }, { order: 'dispatched', ...page });
  }
  protected readonly what = 'flight';
}

@ApiTags('bases') @ApiBearerAuth() @Roles('ops', 'analyst') @Controller('bases')
export class BaseQueriesController extends timedList<BaseView>(BaseViewDto) {
  protected readonly projection = basesProjection;
  protected listQuery(range: Readonly<{ from?: string; to?: string }>, page: Page): FindQuery {
    return basesQuery({ establishedFrom: range.from, establishedTo: range.to }, { order: 'established', ...page });
  }
  protected readonly what = 'base';
}

@ApiTags('ieds') @ApiBearerAuth() @Roles('ops', 'analyst') @Controller('ieds')
export class IedQueriesController extends timedList<IedView>(IedViewDto) {
  protected readonly projection = iedsProjection;
  protected listQuery(range: Readonly<{ from?: string; to?: string }>, page: Page): FindQuery {
    return iedsQuery({ detectedFrom: range.from, detectedTo: range.to }, { order: 'detected', ...page });
  }
  protected readonly what = 'IED';
}
