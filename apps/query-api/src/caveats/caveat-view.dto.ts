import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAVEAT_KINDS, CAVEAT_OUTCOMES, type CaveatKind, type CaveatOutcome } from '@poc/domain';
import type { CaveatSettlementView, CaveatSummary, CaveatView, ContingentCaveats } from '@poc/projections';
import { TIME } from '../shared/view.dto';

// Each class implements the view it documents: a drifting field fails to compile.

const RECORDED = { ...TIME, description: 'when it was recorded (what ?asOf= sees)' } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;

class CaveatSettlementViewDto implements CaveatSettlementView {
  @ApiProperty(TIME) settledAt!: string;
  @ApiProperty({ enum: CAVEAT_OUTCOMES }) outcome!: CaveatOutcome;
  @ApiProperty({ example: 'a UAV flew over the route each night of the move' }) settlement!: string;
  @ApiProperty(RECORDED) recordedAt!: string;
}

export class CaveatViewDto implements CaveatView {
  @ApiProperty() caveatId!: string;
  @ApiProperty({ example: 'Contingent A' }) contingent!: string;
  @ApiPropertyOptional({ example: 'Convoy escort company 2' }) unit?: string;
  @ApiProperty({ enum: CAVEAT_KINDS }) kind!: CaveatKind;
  @ApiProperty({ description: 'declared by the contributing country beforehand' }) declared!: boolean;
  @ApiProperty({ example: 'FRAGO 12/2020: escort convoys on the new supply route' }) order!: string;
  @ApiProperty({ example: 'night air surveillance of the route' }) condition!: string;
  @ApiProperty(TIME) raisedAt!: string;
  @ApiProperty(RECORDED) recordedAt!: string;
  @ApiProperty({ enum: ['open', 'settled'] }) status!: CaveatView['status'];
  @ApiPropertyOptional({ type: CaveatSettlementViewDto }) settled?: CaveatSettlementViewDto;
}

class KindCountsDto implements Record<CaveatKind, number> {
  @ApiProperty(COUNT) refusal!: number;
  @ApiProperty(COUNT) condition!: number;
}

class OutcomeCountsDto implements Record<CaveatOutcome, number> {
  @ApiProperty(COUNT) lifted!: number;
  @ApiProperty(COUNT) 'condition-met'!: number;
  @ApiProperty(COUNT) 'order-amended'!: number;
  @ApiProperty(COUNT) 'order-reassigned'!: number;
}

class ContingentCaveatsDto implements ContingentCaveats {
  @ApiProperty() contingent!: string;
  @ApiProperty(COUNT) raised!: number;
  @ApiProperty(COUNT) undeclared!: number;
}

export class CaveatSummaryDto implements CaveatSummary {
  @ApiProperty({ ...TIME, nullable: true, description: 'caveats raised from this time; null = from the first' }) from!: string | null;
  @ApiProperty({ ...TIME, nullable: true, description: 'up to this time, and settled or not then; null = everything' }) to!: string | null;
  @ApiProperty({ ...TIME, nullable: true, description: 'what had been recorded by then; null = everything' }) asOf!: string | null;
  @ApiProperty(COUNT) raised!: number;
  @ApiProperty(COUNT) declared!: number;
  @ApiProperty({ ...COUNT, example: 0, description: "not declared beforehand: the letter's figure" }) undeclared!: number;
  @ApiProperty({ type: KindCountsDto }) byKind!: KindCountsDto;
  @ApiProperty(COUNT) settled!: number;
  @ApiProperty(COUNT) open!: number;
  @ApiProperty({ type: OutcomeCountsDto, description: 'the settled ones, by how' }) byOutcome!: OutcomeCountsDto;
  @ApiProperty({ type: [ContingentCaveatsDto], description: 'by contingent name' }) byContingent!: ContingentCaveatsDto[];
}
