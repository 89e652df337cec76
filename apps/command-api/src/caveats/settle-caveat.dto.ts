import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { CAVEAT_OUTCOMES, type CaveatOutcome, type SettleCaveat } from '@poc/domain';
import { IsShortText, IsUtcTime } from '../shared/validators';

export class SettleCaveatDto implements Omit<SettleCaveat['data'], 'caveatId'> {
  @IsUtcTime('2020-03-04T18:00:00Z', 'when it was settled') settledAt!: string;

  @ApiProperty({ enum: CAVEAT_OUTCOMES, example: 'condition-met' })
  @IsIn(CAVEAT_OUTCOMES)
  outcome!: CaveatOutcome;

  @IsShortText(500, 'a UAV flew over the route each night of the move', false)
  @Matches(/\S/, { message: '$property must not be blank' })
  settlement!: string;
}
