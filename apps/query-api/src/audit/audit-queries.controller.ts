import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { AUDITED_EVENT_TYPES, type AuditedEventType } from '@poc/domain';
import { auditProjection, auditQuery, type AuditEntryView } from '@poc/projections';
import { Roles } from '@poc/platform/auth';
import { setFreshnessHeaders } from '../shared/freshness';
import { lowerBound, RangeQuery, upperBound } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { AuditEntryDto } from './audit-entry.dto';

export class AuditQuery extends RangeQuery {
  @ApiPropertyOptional({ enum: AUDITED_EVENT_TYPES }) @IsOptional() @IsIn(AUDITED_EVENT_TYPES) type?: AuditedEventType;
}

/** Who saw or forgot a caller's details: for admins only, as the list itself says who looked at whom. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Roles()
export class AuditQueriesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ApiOkResponse({ type: AuditEntryDto, isArray: true, description: 'caller reads and erasures in the period, newest first' })
  async list(@Query() query: AuditQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<AuditEntryView[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([auditProjection], query.minPosition));
    const filter = {
      ...(query.from !== undefined && { from: lowerBound(query.from) }),
      ...(query.to !== undefined && { to: upperBound(query.to) }),
      type: query.type,
    };
    return this.readModels.find(auditProjection, auditQuery(filter, { limit: query.limit ?? 100, offset: query.offset ?? 0 }));
  }
}
