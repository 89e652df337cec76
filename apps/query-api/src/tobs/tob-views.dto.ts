import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TOB_ACTIVITY_KINDS, type TobActivityKind } from '@poc/domain';
import type { BaseSpeedFromInformed, InformedBy, TobActivitiesSummary, TobActivityCount, TobInformedExclusion, TobSpeedFromInformed } from '@poc/projections';

// Each class implements the figure it documents, so the schema cannot drift from what is served.

const EXCLUSIONS: readonly TobInformedExclusion[] = ['no-trigger', 'trigger-unknown', 'trigger-retracted', 'informed-after-establishment'];
const INFORMED_BY: readonly InformedBy[] = ['alert', 'report'];
const NULLABLE_TIME = { nullable: true, type: String, format: 'date-time' } as const;

class BaseSpeedFromInformedDto implements BaseSpeedFromInformed {
  @ApiProperty() baseId!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ format: 'date-time' }) establishedAt!: string;
  @ApiProperty({ nullable: true, type: String }) triggerIncidentId!: string | null;
  @ApiProperty(NULLABLE_TIME) triggerOccurredAt!: string | null;
  @ApiProperty({ ...NULLABLE_TIME, description: 'when the mission was informed of the attack' }) informedAt!: string | null;
  @ApiProperty({ enum: INFORMED_BY, nullable: true, type: String }) informedBy!: InformedBy | null;
  @ApiPropertyOptional({ description: 'the alert that informed the mission' }) informedByAlertId?: string;
  @ApiProperty({ type: [String], description: 'alerts linked to the trigger but received before the attack' }) warningAlertIds!: string[];
  @ApiProperty({ nullable: true, type: Number, example: 36, description: 'establishedAt − informedAt' }) hours!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 40, description: 'establishedAt − the attack (GET /bases/speed)' }) hoursFromAttack!: number | null;
  @ApiPropertyOptional({ enum: EXCLUSIONS }) excludedBecause?: TobInformedExclusion;
}

export class TobSpeedFromInformedDto implements TobSpeedFromInformed {
  @ApiProperty({ example: 5, description: 'bases established in the range' }) bases!: number;
  @ApiProperty({ example: 4, description: 'bases with a time from being informed' }) withInformed!: number;
  @ApiProperty({ example: 30, nullable: true, type: Number }) medianHours!: number | null;
  @ApiProperty({ example: 3, description: 'bases up within 48 h (48 h included) of being informed' }) within48h!: number;
  @ApiProperty({ example: 0.75, nullable: true, type: Number, description: 'within48h / withInformed' }) shareWithin48h!: number | null;
  @ApiProperty({ type: [String] }) within48hBaseIds!: string[];
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
  @ApiProperty({ type: [BaseSpeedFromInformedDto] }) perBase!: BaseSpeedFromInformedDto[];
}

class TobActivityCountDto implements TobActivityCount {
  @ApiProperty({ example: 4 }) activities!: number;
  @ApiProperty({ type: [String], description: '<baseId>:<version> in the base stream' }) activityIds!: string[];
  @ApiProperty({ type: [String] }) baseIds!: string[];
}

class KindCountDto extends TobActivityCountDto {
  @ApiProperty({ enum: TOB_ACTIVITY_KINDS }) kind!: TobActivityKind;
}

class KindCercleCountDto extends KindCountDto {
  @ApiProperty({ example: 'Koro' }) cercle!: string;
}

export class TobActivitiesDto implements TobActivitiesSummary {
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
  @ApiProperty({ example: 5 }) activities!: number;
  @ApiProperty({ type: [KindCountDto], description: 'every kind, 0 included' }) byKind!: KindCountDto[];
  @ApiProperty({ type: [KindCercleCountDto] }) byKindAndCercle!: KindCercleCountDto[];
}
