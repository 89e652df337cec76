import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { VEHICLE_STATUSES, vehicleIdOf } from '@poc/domain';
import { vehiclesProjection, vehiclesQuery, type VehicleView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { PageQuery, ReadOwnWritesQuery } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { VehicleViewDto } from './vehicle-view.dto';
import { Roles } from '@poc/platform/auth';
import { ApiIdParam, IdPipe } from '@poc/platform/http';

const ANY_STATUS = [...VEHICLE_STATUSES, 'written-off'] as const;

export class VehiclesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'BANBAT-2' }) @IsOptional() @IsString() @MaxLength(80) contingent?: string;
  @ApiPropertyOptional({ example: 'Casspir' }) @IsOptional() @IsString() @MaxLength(80) type?: string;
  @ApiPropertyOptional({ enum: ANY_STATUS, description: 'the current status' }) @IsOptional() @IsIn(ANY_STATUS) status?: string;
}

@ApiTags('vehicles')
@ApiBearerAuth()
@Controller('vehicles')
@Roles('ops', 'analyst')
export class VehicleQueriesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ApiOkResponse({ type: VehicleViewDto, isArray: true, description: 'the register by registration, each vehicle with its status history' })
  async list(@Query() query: VehiclesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<VehicleView[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([vehiclesProjection], query.minPosition));
    const filter = { contingent: query.contingent, type: query.type, status: query.status };
    return this.readModels.find(vehiclesProjection, vehiclesQuery(filter, { order: 'registration', limit: query.limit ?? 100, offset: query.offset ?? 0 }));
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOkResponse({ type: VehicleViewDto })
  async get(@Param('id', IdPipe) id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<VehicleView> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([vehiclesProjection], query.minPosition));
    return this.readModels.get(vehiclesProjection, vehicleIdOf(id), 'vehicle');
  }
}
