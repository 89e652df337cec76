import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { FLIGHT_OUTCOMES, type FlightOutcome } from '@poc/domain';
import { IsOmittable, IsUtcTime } from '../shared/validators';

export class CompleteFlightDto {
  @IsUtcTime('2020-03-05T12:40:00Z', 'when the aircraft was back')
  completedAt!: string;

  @IsUtcTime('2020-03-05T11:05:00Z', 'start of the time over target', true)
  overTargetFrom?: string;

  @IsUtcTime('2020-03-05T11:50:00Z', 'end of the time over target', true)
  overTargetTo?: string;

  @ApiPropertyOptional({ enum: FLIGHT_OUTCOMES, example: 'dispersal-observed' })
  @IsOmittable() @IsIn(FLIGHT_OUTCOMES)
  outcome?: FlightOutcome;
}
