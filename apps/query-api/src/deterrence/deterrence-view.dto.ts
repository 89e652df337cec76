import { ApiProperty } from '@nestjs/swagger';
import { VERIFIED_SELECTIONS, type VerifiedSelection } from '@poc/deterrence';
import { CI95, TIME } from '../shared/view.dto';

class PooledDayDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 14 }) day!: number;
  @ApiProperty({ type: 'integer' }) incidents!: number;
  @ApiProperty({ type: 'integer' }) atRisk!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'incidents / atRisk; null with no day at risk' }) rate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) rateRatio!: number | null;
  @ApiProperty({ ...CI95, items: { ...CI95.items } }) ci95!: [number, number | null] | null;
  @ApiProperty() provisional!: boolean;
}

const OBJECT = { type: Object };

/**
 * The pooled curve (API.md's fields first, typed; DOMAIN.md's further outputs as objects,
 * described in docs/deterrence.md).
 */
export class DeterrenceDto {
  @ApiProperty({ example: '1.0.0' }) methodologyVersion!: string;
  @ApiProperty(TIME) asOf!: string;
  @ApiProperty({ example: 10 }) radiusKm!: number;
  @ApiProperty({ enum: VERIFIED_SELECTIONS, description: 'which incidents were counted: all, or only those verified as known at asOf' }) verified!: VerifiedSelection;
  @ApiProperty({ type: 'integer' }) episodes!: number;
  @ApiProperty({ type: Number, nullable: true }) baselineRate!: number | null;
  @ApiProperty({ type: [PooledDayDto] }) days!: PooledDayDto[];
  @ApiProperty({ type: Number, nullable: true }) rateRatio!: number | null;
  @ApiProperty({ ...CI95, items: { ...CI95.items } }) ci95!: [number, number | null] | null;
  @ApiProperty({ type: 'integer', nullable: true }) horizonDays!: number | null;
  @ApiProperty() provisional!: boolean;
  @ApiProperty({ type: 'integer' }) underWay!: number;
  @ApiProperty(OBJECT) baseline!: object;
  @ApiProperty(OBJECT) post!: object;
  @ApiProperty(OBJECT) reportingLag!: object;
  @ApiProperty(OBJECT) withoutOwnUnit!: object;
  @ApiProperty({ ...OBJECT, description: "keyed '5', '10', '25', '10-25'" }) byVicinity!: object;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) groups!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) perEpisode!: object[];
  @ApiProperty(OBJECT) retaliation!: object;
  @ApiProperty(OBJECT) imprecise!: object;
}
