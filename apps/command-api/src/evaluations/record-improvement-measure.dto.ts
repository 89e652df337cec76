import { Matches } from 'class-validator';
import type { RecordImprovementMeasure } from '@poc/domain';
import { IsShortText, IsUtcTime } from '../shared/validators';

export class RecordImprovementMeasureDto implements Omit<RecordImprovementMeasure['data'], 'evaluationId'> {
  @IsUtcTime('2020-04-10T09:00:00Z', 'when the measure was taken') takenAt!: string;

  @IsShortText(500, 'two platoons completed the night-driving course', false)
  @Matches(/\S/, { message: '$property must not be blank' })
  measure!: string;
}
