import { ApiProperty } from '@nestjs/swagger';
import { FLIGHT_PURPOSES, type FlightPurpose } from '@poc/domain';
import type { FlightHoursByPurpose, MonthFlightHours, PurposeHours } from '@poc/projections';

// Each class implements the figure it documents: a drifting field fails to compile.

type Totals = FlightHoursByPurpose['totals'];
const SHARE = { type: Number, nullable: true, minimum: 0 } as const;

class PurposeHoursDto implements PurposeHours {
  @ApiProperty({ enum: FLIGHT_PURPOSES, example: 'casualty-evacuation' }) purpose!: FlightPurpose;
  @ApiProperty({ type: 'integer', example: 6, description: 'flights that took off' }) sorties!: number;
  @ApiProperty({ example: 9.5, description: 'hours from take-off to landing of those back, to 0.01 h' }) hours!: number;
  @ApiProperty({ type: 'integer', example: 0, description: 'sorties not back yet (no hours yet)' }) airborne!: number;
  @ApiProperty({ ...SHARE, example: 0.21, description: "this purpose's hours / all hours; null when none" }) shareOfHours!: number | null;
}

class MonthFlightHoursDto implements MonthFlightHours {
  @ApiProperty({ example: '2020-03', description: 'the month the flights took off (UTC)' }) month!: string;
  @ApiProperty({ description: 'false when the range covers only part of the month (the allotment is the whole month\'s)' }) wholeMonth!: boolean;
  @ApiProperty({ type: 'integer', example: 31 }) sorties!: number;
  @ApiProperty({ example: 45.5 }) hours!: number;
  @ApiProperty({ type: 'integer', example: 0 }) airborne!: number;
  @ApiProperty({ type: Number, nullable: true, example: 60, description: 'the allotment in force; null when none was recorded' }) allottedHours!: number | null;
  @ApiProperty({ ...SHARE, example: 0.76, description: 'hours / allottedHours' }) shareUsed!: number | null;
  @ApiProperty({ type: [PurposeHoursDto], description: 'every purpose, in the order of priority' }) byPurpose!: PurposeHoursDto[];
}

class FlightHoursTotalsDto implements Totals {
  @ApiProperty({ type: 'integer' }) sorties!: number;
  @ApiProperty() hours!: number;
  @ApiProperty({ type: 'integer' }) airborne!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'the allotments of the months that have one' }) allottedHours!: number | null;
  @ApiProperty({ ...SHARE, description: 'hours of the months with an allotment / their allotments' }) shareUsed!: number | null;
  @ApiProperty({ type: [PurposeHoursDto] }) byPurpose!: PurposeHoursDto[];
}

export class FlightHoursByPurposeDto implements FlightHoursByPurpose {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) to!: string | null;
  @ApiProperty({ type: [MonthFlightHoursDto], description: 'every month of the range, oldest first' }) months!: MonthFlightHoursDto[];
  @ApiProperty({ type: FlightHoursTotalsDto }) totals!: FlightHoursTotalsDto;
}
