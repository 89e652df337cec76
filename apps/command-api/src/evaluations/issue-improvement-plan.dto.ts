import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { SHORTFALL_AREAS, type IssueImprovementPlanData, type ShortfallArea } from '@poc/domain';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

export class IssueImprovementPlanDto implements Omit<IssueImprovementPlanData, 'evaluationId'> {
  @IsUtcTime('2020-03-20T09:00:00Z', 'when the plan was issued to the unit') issuedAt!: string;

  @ApiPropertyOptional({ enum: SHORTFALL_AREAS, isArray: true, example: ['training'], description: 'what the plan is to improve' })
  @IsOmittable() @IsArray() @ArrayMaxSize(SHORTFALL_AREAS.length) @ArrayUnique() @IsIn(SHORTFALL_AREAS, { each: true })
  areas?: ShortfallArea[];

  @IsShortText(500, 'night-driving and casualty-evacuation drills by the end of May') note?: string;
}
