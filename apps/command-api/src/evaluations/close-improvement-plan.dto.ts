import type { CloseImprovementPlan } from '@poc/domain';
import { IsShortText, IsUtcTime } from '../shared/validators';

export class CloseImprovementPlanDto implements Omit<CloseImprovementPlan['data'], 'evaluationId'> {
  @IsUtcTime('2020-05-01T09:00:00Z', 'when the plan was closed') closedAt!: string;
  @IsShortText(500, 'every measure done; re-evaluation satisfactory') note?: string;
}
