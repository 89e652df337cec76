import { ConflictException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { IsNumber } from 'class-validator';
import {
  DEFAULT_RADIUS_KM,
  incidentsProjection,
  patrolsProjection,
  type Condition,
  type PatrolDeterrence,
  type PatrolView,
} from '@poc/projections';
import { Roles } from '@poc/platform';
import { setFreshnessHeaders } from '../shared/freshness';
import { lowerBound, RangeQuery, ReadOwnWritesQuery, ToNumber, upperBound } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { PatrolDeterrenceService } from './patrol-deterrence.service';

export class PatrolsQuery extends RangeQuery {
  @ApiPropertyOptional({ example: 'Buffalo' }) @IsOptional() @IsString() @MaxLength(80) operation?: string;
  @ApiPropertyOptional({ enum: ['deployed', 'completed'] }) @IsOptional() @IsIn(['deployed', 'completed']) status?: string;
}

export class DeterrenceQuery extends ReadOwnWritesQuery {
  @ApiPropertyOptional({ default: DEFAULT_RADIUS_KM, minimum: 0.5, maximum: 100, description: 'vicinity radius in km' })
  @IsOptional() @ToNumber() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0.5) @Max(100)
  radiusKm?: number;
}

@ApiTags('patrols')
@ApiBearerAuth()
@Controller('patrols')
@Roles('ops', 'analyst')
export class PatrolQueriesController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly deterrence: PatrolDeterrenceService,
  ) {}

  @Get()
  async list(@Query() query: PatrolsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<PatrolView[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([patrolsProjection], query.minPosition));
    const where: Condition[] = [];
    if (query.operation) where.push({ column: 'operation', op: '=', value: query.operation });
    if (query.status) where.push({ column: 'status', op: '=', value: query.status });
    if (query.from) where.push({ column: 'started_at', op: '>=', value: lowerBound(query.from) });
    if (query.to) where.push({ column: 'started_at', op: '<=', value: upperBound(query.to) });
    return this.readModels.find(patrolsProjection, { where, orderBy: [{ column: 'started_at' }], limit: query.limit ?? 100, offset: query.offset ?? 0 });
  }

  @Get(':id')
  async get(@Param('id') id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<PatrolView> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([patrolsProjection], query.minPosition));
    return this.readModels.get(patrolsProjection, id, 'patrol');
  }

  @Get(':id/deterrence')
  async deterrenceOf(
    @Param('id') id: string,
    @Query() query: DeterrenceQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PatrolDeterrence> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([patrolsProjection, incidentsProjection], query.minPosition));
    const patrol = await this.readModels.get(patrolsProjection, id, 'patrol');
    if (patrol.status !== 'completed' || !patrol.endedAt) {
      throw new ConflictException(`patrol ${id} has not completed: deterrence is measured from its departure`);
    }
    return this.deterrence.forPatrol({ ...patrol, endedAt: patrol.endedAt }, query.radiusKm ?? DEFAULT_RADIUS_KM);
  }
}
