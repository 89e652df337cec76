import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PatrolStop } from '@poc/domain';
import type { PatrolView } from '@poc/projections';
import { VERIFIED_SELECTIONS, type VerifiedSelection } from '@poc/deterrence';
import { AreaViewDto, CI95, LocationViewDto, TIME } from '../shared/view.dto';

class PatrolStopViewDto implements PatrolStop {
  @ApiProperty({ type: LocationViewDto }) location!: LocationViewDto;
  @ApiProperty(TIME) arrivedAt!: string;
  @ApiProperty(TIME) departedAt!: string;
  @ApiProperty() overnight!: boolean;
}

/** Implements the view it documents: a drifting field fails to compile. */
export class PatrolViewDto implements PatrolView {
  @ApiProperty() patrolId!: string;
  @ApiProperty({ enum: ['deployed', 'completed'] }) status!: PatrolView['status'];
  @ApiProperty({ example: 'Buffalo' }) operation!: string;
  @ApiProperty() unit!: string;
  @ApiPropertyOptional({ example: 'long-range' }) kind?: string;
  @ApiProperty(TIME) startedAt!: string;
  @ApiPropertyOptional(TIME) endedAt?: string;
  @ApiProperty({ type: AreaViewDto }) area!: AreaViewDto;
  @ApiProperty({ type: [PatrolStopViewDto] }) stops!: PatrolStopViewDto[];
  @ApiProperty({ type: [String] }) alertIds!: string[];
}

class PatrolBaselineDto {
  @ApiProperty({ type: 'integer', example: 28 }) days!: number;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'integer' }) countWithoutOwnUnit!: number;
}

class PatrolDayDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 14 }) day!: number;
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'integer', description: 'episode-days at risk: a patrol with 3 stops has up to 3' }) atRisk!: number;
  @ApiProperty({ type: 'integer' }) countWithoutOwnUnit!: number;
  @ApiProperty() provisional!: boolean;
}

/** One patrol's curve (docs/deterrence.md): its stops as episodes, summed day by day. */
export class PatrolDeterrenceDto {
  @ApiProperty({ example: '1.0.0' }) methodologyVersion!: string;
  @ApiProperty() patrolId!: string;
  @ApiProperty({ example: 10 }) radiusKm!: number;
  @ApiProperty(TIME) asOf!: string;
  @ApiProperty({ enum: VERIFIED_SELECTIONS, description: 'which incidents were counted: all, or only those verified as known at asOf' }) verified!: VerifiedSelection;
  @ApiProperty({ type: PatrolBaselineDto }) baseline!: PatrolBaselineDto;
  @ApiProperty({ type: [PatrolDayDto] }) days!: PatrolDayDto[];
  @ApiProperty({ type: Number, nullable: true }) rateRatio!: number | null;
  @ApiProperty({ ...CI95, items: { ...CI95.items } }) ci95!: [number, number | null] | null;
  @ApiProperty({ type: 'integer', nullable: true }) horizonDays!: number | null;
  @ApiProperty() provisional!: boolean;
  @ApiProperty({ type: 'integer', description: 'episodes still under way: no window yet' }) underWay!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'each episode with its own curve' }) episodes!: object[];
  @ApiProperty({ type: Object, description: 'retaliation candidates and their review' }) retaliation!: object;
}
