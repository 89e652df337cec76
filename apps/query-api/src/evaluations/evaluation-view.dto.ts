import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVALUATION_RATINGS, SHORTFALL_AREAS, UNIT_KINDS, type EvaluationPeriod, type EvaluationRating, type ShortfallArea, type UnitKind } from '@poc/domain';
import type {
  EvaluationSummary,
  EvaluationView,
  ImprovementMeasureView,
  ImprovementPlanView,
  PlanClosingView,
  PlanFigures,
  UnitKindFigures,
} from '@poc/projections';
import { TIME } from '../shared/view.dto';

// Each class implements the view it documents: a drifting field fails to compile.

const RECORDED = { ...TIME, description: 'when it was recorded (what ?asOf= sees)' } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;

class EvaluationPeriodViewDto implements EvaluationPeriod {
  @ApiProperty({ format: 'date', example: '2020-01-01' }) from!: string;
  @ApiProperty({ format: 'date', example: '2020-03-31' }) to!: string;
}

class ImprovementMeasureViewDto implements ImprovementMeasureView {
  @ApiProperty(TIME) takenAt!: string;
  @ApiProperty({ example: 'two platoons completed the night-driving course' }) measure!: string;
  @ApiProperty(RECORDED) recordedAt!: string;
}

class PlanClosingViewDto implements PlanClosingView {
  @ApiProperty(TIME) closedAt!: string;
  @ApiProperty(RECORDED) recordedAt!: string;
  @ApiPropertyOptional() note?: string;
}

class ImprovementPlanViewDto implements ImprovementPlanView {
  @ApiProperty({ enum: ['open', 'closed'] }) status!: ImprovementPlanView['status'];
  @ApiProperty(TIME) issuedAt!: string;
  @ApiProperty(RECORDED) recordedAt!: string;
  @ApiProperty({ enum: SHORTFALL_AREAS, isArray: true }) areas!: ShortfallArea[];
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ type: [ImprovementMeasureViewDto], description: 'in the order taken' }) measures!: ImprovementMeasureViewDto[];
  @ApiPropertyOptional({ type: PlanClosingViewDto }) closing?: PlanClosingViewDto;
}

export class EvaluationViewDto implements EvaluationView {
  @ApiProperty() evaluationId!: string;
  @ApiProperty({ example: 'BANBAT-2' }) unitId!: string;
  @ApiProperty({ enum: UNIT_KINDS }) unitKind!: UnitKind;
  @ApiPropertyOptional() unitName?: string;
  @ApiPropertyOptional() contingent?: string;
  @ApiProperty({ type: EvaluationPeriodViewDto }) period!: EvaluationPeriodViewDto;
  @ApiProperty(TIME) evaluatedAt!: string;
  @ApiProperty({ enum: EVALUATION_RATINGS }) rating!: EvaluationRating;
  @ApiProperty({ enum: SHORTFALL_AREAS, isArray: true, description: 'empty unless the rating is below satisfactory' }) shortfallAreas!: ShortfallArea[];
  @ApiProperty(RECORDED) recordedAt!: string;
  @ApiPropertyOptional({ type: ImprovementPlanViewDto }) plan?: ImprovementPlanViewDto;
}

class RatingCountsDto implements Record<EvaluationRating, number> {
  @ApiProperty({ ...COUNT, example: 1 }) excellent!: number;
  @ApiProperty({ ...COUNT, example: 15 }) satisfactory!: number;
  @ApiProperty({ ...COUNT, example: 4 }) shortfalls!: number;
  @ApiProperty({ ...COUNT, example: 4 }) 'needs-improvement'!: number;
}

class AreaCountsDto implements Record<ShortfallArea, number> {
  @ApiProperty(COUNT) 'mandate-knowledge'!: number;
  @ApiProperty(COUNT) training!: number;
  @ApiProperty(COUNT) 'command-and-control'!: number;
  @ApiProperty(COUNT) equipment!: number;
  @ApiProperty(COUNT) 'self-sustainment'!: number;
  @ApiProperty(COUNT) 'protection-of-civilians'!: number;
  @ApiProperty(COUNT) 'conduct-and-discipline'!: number;
  @ApiProperty(COUNT) 'medical-support'!: number;
}

class PlanFiguresDto implements PlanFigures {
  @ApiProperty({ ...COUNT, example: 17, description: "plans issued by 'to' on the period's evaluations" }) issued!: number;
  @ApiProperty({ ...COUNT, example: 17, description: 'units that received at least one' }) unitsWithPlans!: number;
  @ApiProperty({ ...COUNT, description: "not closed by 'to'" }) open!: number;
  @ApiProperty(COUNT) closed!: number;
  @ApiProperty({ ...COUNT, description: "measures taken by 'to' in those plans" }) measuresTaken!: number;
}

class UnitKindFiguresDto implements UnitKindFigures {
  @ApiProperty({ ...COUNT, example: 24 }) evaluations!: number;
  @ApiProperty({ ...COUNT, example: 24 }) unitsEvaluated!: number;
  @ApiProperty({ type: RatingCountsDto, description: 'each unit once, by its latest evaluation in the period' }) byRating!: RatingCountsDto;
  @ApiProperty({ type: AreaCountsDto, description: 'units whose latest evaluation names the area' }) shortfallAreas!: AreaCountsDto;
  @ApiProperty({ type: PlanFiguresDto }) plans!: PlanFiguresDto;
}

export class EvaluationSummaryDto implements EvaluationSummary {
  @ApiProperty({ ...TIME, nullable: true, description: 'evaluations from this time; null = from the first' }) from!: string | null;
  @ApiProperty({ ...TIME, nullable: true, description: 'up to this time, and plans as they stood then; null = everything' }) to!: string | null;
  @ApiProperty({ ...TIME, nullable: true, description: 'what had been recorded by then; null = everything' }) asOf!: string | null;
  @ApiProperty({ type: UnitKindFiguresDto }) military!: UnitKindFiguresDto;
  @ApiProperty({ type: UnitKindFiguresDto, description: 'formed police units, evaluated quarterly' }) formedPolice!: UnitKindFiguresDto;
}
