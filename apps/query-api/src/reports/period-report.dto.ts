import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, Matches } from 'class-validator';
import type { Figure, Period, PeriodReport, ReportSection } from '@poc/reports';
import { IsQueryTime, ReadOwnWritesQuery } from '../shared/query-params';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class PeriodReportQuery extends ReadOwnWritesQuery {
  @ApiProperty({ example: '2020-01-01', description: 'first day of the period (UTC), inclusive' })
  @IsDefined() @Matches(DAY, { message: 'from must be a day, YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2020-05-20', description: 'last day of the period (UTC), inclusive' })
  @IsDefined() @Matches(DAY, { message: 'to must be a day, YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ example: '2020-05-31T23:59:59Z', description: 'what had been recorded by then (default: now); a bare day means its end' })
  @IsOptional() @IsQueryTime()
  asOf?: string;
}

// Each class implements what it documents: the report's shape and its schema cannot drift.

class FigureDto implements Figure {
  @ApiProperty({ example: 'vehicles.dailyUse', description: 'stable key: <section>.<name>' }) key!: string;
  @ApiProperty({ example: 'in daily use' }) label!: string;
  @ApiProperty({ type: Number, nullable: true, example: 479 }) value!: number | null;
  @ApiPropertyOptional({ example: 550, description: 'the whole this figure is a part of' }) of?: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 0.8709, description: 'value / of; null when the whole is 0' }) share?: number | null;
  @ApiPropertyOptional({ enum: ['count', 'hours', 'minutes', 'people', 'ratio', 'days'] }) unit?: Figure['unit'];
  @ApiProperty({ example: '/fleet?on=2020-05-20', description: 'the route that lists what this figure counts' }) trace!: string;
}

class SectionDto implements ReportSection {
  @ApiProperty({ example: 'vehicles' }) id!: string;
  @ApiProperty({ example: 'Armoured vehicles' }) title!: string;
  @ApiProperty({ type: [FigureDto] }) figures!: FigureDto[];
  @ApiPropertyOptional({ type: [String] }) notes?: string[];
}

class PeriodDto implements Period {
  @ApiProperty({ format: 'date', example: '2020-01-01' }) from!: string;
  @ApiProperty({ format: 'date', example: '2020-05-20' }) to!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
}

export class PeriodReportDto implements PeriodReport {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: [SectionDto] }) sections!: SectionDto[];
}
