import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ALERT_OUTCOMES, type AlertOutcome, type CloseAlert } from '@poc/domain';
import { IsUtcTime } from '../shared/validators';

/** The body of POST /alerts/{id}/close: the command's data, the id from the path. */
export class CloseAlertDto implements Omit<CloseAlert['data'], 'alertId'> {
  @ApiProperty({ enum: ALERT_OUTCOMES, example: 'attack-prevented' })
  @IsIn(ALERT_OUTCOMES)
  outcome!: AlertOutcome;

  @IsUtcTime('2020-03-06T12:00:00Z', 'defaults to now', true)
  closedAt?: string;
}
