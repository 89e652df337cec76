import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VEHICLE_DAMAGE_CAUSES, VEHICLE_STATUSES, type VehicleDamageCause, type VehicleStatus } from '@poc/domain';
import type { CauseCount, ContingentFleet, Fleet, StatusCount, VehicleStatusOrWrittenOff, VehicleStatusPeriod, VehicleView } from '@poc/projections';
import { TIME } from '../shared/view.dto';

const ANY_STATUS = [...VEHICLE_STATUSES, 'written-off'] as const;
const SHARE = { type: Number, nullable: true, minimum: 0, maximum: 1, example: 0.8709, description: 'count / the figure it is a share of; null when that is 0' } as const;

class VehicleStatusPeriodDto implements VehicleStatusPeriod {
  @ApiProperty({ enum: ANY_STATUS }) status!: VehicleStatusOrWrittenOff;
  @ApiProperty({ ...TIME, description: 'from when; the period lasts until the next one' }) since!: string;
  @ApiProperty({ ...TIME, description: 'when it was recorded (what ?asOf= sees)' }) recordedAt!: string;
  @ApiPropertyOptional({ enum: VEHICLE_DAMAGE_CAUSES }) cause?: VehicleDamageCause;
  @ApiPropertyOptional({ description: "the change's note, or the write-off's reason" }) note?: string;
}

/** Implements the view it documents: a drifting field fails to compile. */
export class VehicleViewDto implements VehicleView {
  @ApiProperty({ example: 'UN-12345', description: 'the registration in upper case' }) vehicleId!: string;
  @ApiProperty({ example: 'UN-12345', description: 'as registered' }) registration!: string;
  @ApiProperty({ example: 'BANBAT-2' }) contingent!: string;
  @ApiProperty({ example: 'Casspir' }) type!: string;
  @ApiProperty(TIME) registeredAt!: string;
  @ApiProperty({ enum: ANY_STATUS }) status!: VehicleStatusOrWrittenOff;
  @ApiProperty(TIME) statusSince!: string;
  @ApiPropertyOptional({ enum: VEHICLE_DAMAGE_CAUSES, description: 'while unusable' }) cause?: VehicleDamageCause;
  @ApiPropertyOptional(TIME) writtenOffAt?: string;
  @ApiProperty({ type: [VehicleStatusPeriodDto] }) history!: VehicleStatusPeriodDto[];
}

class StatusCountDto implements StatusCount {
  @ApiProperty({ enum: VEHICLE_STATUSES }) status!: VehicleStatus;
  @ApiProperty({ type: 'integer', example: 479 }) count!: number;
  @ApiProperty({ ...SHARE, description: 'count / total (of the fleet, or of the contingent); null when that is 0' }) share!: number | null;
}

class CauseCountDto implements CauseCount {
  @ApiProperty({ enum: VEHICLE_DAMAGE_CAUSES }) cause!: VehicleDamageCause;
  @ApiProperty({ type: 'integer', example: 25 }) count!: number;
  @ApiProperty({ ...SHARE, example: 0.6098, description: 'count / the unusable vehicles; null when none is' }) share!: number | null;
}

class ContingentFleetDto implements ContingentFleet {
  @ApiProperty({ example: 'BANBAT-2' }) contingent!: string;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: [StatusCountDto] }) byStatus!: StatusCountDto[];
}

export class FleetDto implements Fleet {
  @ApiProperty({ format: 'date', example: '2020-05-20', description: 'each vehicle as it stood at the end of this day (UTC)' }) on!: string;
  @ApiProperty({ ...TIME, nullable: true, description: 'what had been recorded by then; null = everything' }) asOf!: string | null;
  @ApiProperty({ type: 'integer', example: 550, description: 'registered by the end of the day and not written off by then' }) total!: number;
  @ApiProperty({ type: [StatusCountDto], description: 'every status, shares of total' }) byStatus!: StatusCountDto[];
  @ApiProperty({ type: [ContingentFleetDto] }) byContingent!: ContingentFleetDto[];
  @ApiProperty({ type: [CauseCountDto], description: 'the unusable vehicles by cause, every cause' }) byCause!: CauseCountDto[];
  @ApiProperty({ type: 'integer', description: 'registered by then and written off on or before the day: not in total' }) writtenOff!: number;
}
