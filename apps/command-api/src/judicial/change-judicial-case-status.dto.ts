import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { JUDICIAL_CASE_STATUSES, type ChangeJudicialCaseStatus, type JudicialCaseStatus } from '@poc/domain';
import { IsUtcTime } from '../shared/validators';

export class ChangeJudicialCaseStatusDto implements Omit<ChangeJudicialCaseStatus['data'], 'caseRef'> {
  @ApiProperty({ enum: JUDICIAL_CASE_STATUSES, example: 'referred-to-trial' })
  @IsIn(JUDICIAL_CASE_STATUSES)
  status!: JudicialCaseStatus;

  @IsUtcTime('2020-04-02T10:00:00Z', 'when the case changed status') at!: string;
}
