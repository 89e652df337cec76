import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { EPISODE_ID, RETALIATION_VERDICTS, type RetaliationVerdict } from '@poc/domain';
import { retaliationVerdictsProjection, retaliationVerdictsQuery, type RetaliationVerdictView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { PageQuery } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { RetaliationVerdictViewDto } from './retaliation-view.dto';
import { Roles } from '@poc/platform/auth';

export class RetaliationAssessmentsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'one candidate incident' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value)) @IsUUID('all')
  incidentId?: string;

  @ApiPropertyOptional({ description: 'the presence departure the latest verdict attributes incidents to' })
  @IsOptional() @IsString() @MaxLength(200) @Matches(EPISODE_ID)
  episodeId?: string;

  @ApiPropertyOptional({ enum: RETALIATION_VERDICTS, description: 'the verdict that stands' })
  @IsOptional() @IsIn(RETALIATION_VERDICTS)
  verdict?: RetaliationVerdict;
}

@ApiTags('retaliation')
@ApiBearerAuth()
@Controller('retaliation-assessments')
@Roles('ops', 'analyst')
export class RetaliationQueriesController {
  constructor(private readonly readModels: ReadModels) {}

  /** Assessed incidents with the verdict that stands and every verdict given, latest assessment first. */
  @Get()
  @ApiOkResponse({ type: RetaliationVerdictViewDto, isArray: true })
  async list(@Query() query: RetaliationAssessmentsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<RetaliationVerdictView[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([retaliationVerdictsProjection], query.minPosition));
    const filter = { incidentId: query.incidentId, episodeId: query.episodeId, verdict: query.verdict };
    return this.readModels.find(retaliationVerdictsProjection, retaliationVerdictsQuery(filter, { order: 'latest-assessed-first', limit: query.limit ?? 100, offset: query.offset ?? 0 }));
  }
}
