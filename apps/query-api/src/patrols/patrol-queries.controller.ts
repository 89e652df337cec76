import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { incidentsProjection, patrolsProjection, patrolsQuery, presencesProjection, type PatrolView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { RangeQuery, ReadOwnWritesQuery } from '../shared/query-params';
import { rangeOf } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { DeterrenceInputs } from '../deterrence/deterrence-inputs.service';
import { asOfInstant, RadiusAsOfQuery } from '../deterrence/deterrence-query';
import { PatrolDeterrenceDto, PatrolViewDto } from './patrol-view.dto';
import { computePatrolDeterrence, DEFAULT_RADIUS_KM, type PatrolDeterrenceResult } from '@poc/deterrence';
import { Roles } from '@poc/platform/auth';
import { ApiIdParam, IdPipe } from '@poc/platform/http';

export class PatrolsQuery extends RangeQuery {
  @ApiPropertyOptional({ example: 'Buffalo' }) @IsOptional() @IsString() @MaxLength(80) operation?: string;
  @ApiPropertyOptional({ enum: ['deployed', 'completed'] }) @IsOptional() @IsIn(['deployed', 'completed']) status?: string;
}


@ApiTags('patrols')
@ApiBearerAuth()
@Controller('patrols')
@Roles('ops', 'analyst')
export class PatrolQueriesController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly inputs: DeterrenceInputs,
  ) {}

  @Get()
  @ApiOkResponse({ type: PatrolViewDto, isArray: true })
  async list(@Query() query: PatrolsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<PatrolView[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([patrolsProjection], query.minPosition));
    const range = rangeOf(query);
    const filter = { operation: query.operation, status: query.status, startedFrom: range.from, startedTo: range.to };
    return this.readModels.find(patrolsProjection, patrolsQuery(filter, { order: 'started', limit: query.limit ?? 100, offset: query.offset ?? 0 }));
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOkResponse({ type: PatrolViewDto })
  async get(@Param('id', IdPipe) id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<PatrolView> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([patrolsProjection], query.minPosition));
    return this.readModels.get(patrolsProjection, id, 'patrol');
  }

  /** One patrol's curve (methodology 1.x): its stops as episodes, pooled. A patrol still out is provisional. */
  @Get(':id/deterrence')
  @ApiIdParam()
  @ApiOkResponse({ type: PatrolDeterrenceDto })
  async deterrenceOf(
    @Param('id', IdPipe) id: string,
    @Query() query: RadiusAsOfQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PatrolDeterrenceResult> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([patrolsProjection, presencesProjection, incidentsProjection], query.minPosition));
    await this.readModels.get(patrolsProjection, id, 'patrol');
    const presence = await this.readModels.get(presencesProjection, `patrol-${id}`, 'patrol presence');
    const asOf = asOfInstant(query.asOf);
    const radiusKm = query.radiusKm ?? DEFAULT_RADIUS_KM;
    const inputs = await this.inputs.forPresences([presence], { radiusKm, asOf });
    return computePatrolDeterrence({ ...inputs, patrolId: id, asOf, radiusKm, verified: query.verified ?? 'all' });
  }
}
