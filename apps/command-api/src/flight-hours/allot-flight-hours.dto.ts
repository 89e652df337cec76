import { ApiProperty } from '@nestjs/swagger';
import { Matches, Max, Min } from 'class-validator';
import { MAX_MONTHLY_FLIGHT_HOURS, type AllotFlightHours } from '@poc/domain';
import { IsFiniteNumber, IsShortText } from '../shared/validators';

type AllotFlightHoursData = AllotFlightHours['data'];

/** The flight hours of a month, all purposes together; posting again for the month revises it. */
export class AllotFlightHoursDto implements AllotFlightHoursData {
  @ApiProperty({ example: '2020-03', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'the calendar month (UTC), YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month, YYYY-MM' })
  month!: string;

  @ApiProperty({ example: 600, minimum: 0, maximum: MAX_MONTHLY_FLIGHT_HOURS, description: 'flight hours allotted for the month' })
  @IsFiniteNumber() @Min(0) @Max(MAX_MONTHLY_FLIGHT_HOURS)
  hours!: number;

  @IsShortText(200, 'COVID-19: crews not rotated, spare parts short') note?: string;
}
