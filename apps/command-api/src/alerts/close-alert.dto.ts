import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ALERT_OUTCOMES, type AlertOutcome } from '@poc/domain';
import { IsUtcTime } from '../shared/validators';

export class CloseAlertDto {
  @ApiProperty({ enum: ALERT_OUTCOMES, example: 'attack-prevented' })
  @IsIn(ALERT_OUTCOMES)
  outcome!: AlertOutcome;

  @IsUtcTime('2020-03-06T12:00:00Z', 'defaults to now', true)
  closedAt?: string;
}
