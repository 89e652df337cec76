import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FLIGHT_OUTCOMES, FLIGHT_PURPOSES, IED_STATUSES, type FlightOutcome, type FlightPurpose, type IedStatus } from '@poc/domain';
import type { BaseView, FlightView, IedView } from '@poc/projections';
import { AreaViewDto, LocationViewDto, TIME } from '../shared/view.dto';

// Each class implements the view it documents: a drifting field fails to compile.

type Pass = FlightView['passes'][number];

class PassDto implements Pass {
  @ApiProperty(TIME) from!: string;
  @ApiProperty(TIME) to!: string;
}

export class FlightViewDto implements FlightView {
  @ApiProperty() flightId!: string;
  @ApiProperty({ enum: ['dispatched', 'completed', 'aborted'] }) status!: FlightView['status'];
  @ApiProperty(TIME) dispatchedAt!: string;
  @ApiProperty({ type: AreaViewDto }) target!: AreaViewDto;
  @ApiProperty({ type: [String] }) alertIds!: string[];
  @ApiPropertyOptional() aircraft?: string;
  @ApiPropertyOptional() unit?: string;
  @ApiProperty({ type: [PassDto], description: 'time over target' }) passes!: PassDto[];
  @ApiPropertyOptional(TIME) completedAt?: string;
  @ApiPropertyOptional({ enum: FLIGHT_OUTCOMES, example: 'dispersal-observed' }) outcome?: FlightOutcome;
  @ApiProperty({ enum: FLIGHT_PURPOSES, example: 'rapid-response', description: 'rapid-response for flights recorded without one' }) purpose!: FlightPurpose;
  @ApiProperty({ ...TIME, description: 'when the aircraft took off (the dispatch time when not recorded)' }) takeOffAt!: string;
  @ApiPropertyOptional({ example: 2.5, description: 'completedAt − takeOffAt, in hours, once the flight is back' }) flightHours?: number;
}

export class BaseViewDto implements BaseView {
  @ApiProperty() baseId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: BaseView['status'];
  @ApiPropertyOptional() name?: string;
  @ApiProperty(TIME) establishedAt!: string;
  @ApiPropertyOptional(TIME) closedAt?: string;
  @ApiProperty({ type: LocationViewDto }) location!: LocationViewDto;
  @ApiPropertyOptional() triggerIncidentId?: string;
}

export class IedViewDto implements IedView {
  @ApiProperty() iedId!: string;
  @ApiProperty({ enum: IED_STATUSES }) status!: IedStatus;
  @ApiProperty(TIME) detectedAt!: string;
  @ApiProperty({ type: LocationViewDto }) location!: LocationViewDto;
  @ApiPropertyOptional() unit?: string;
  @ApiPropertyOptional() convoyId?: string;
  @ApiPropertyOptional() method?: string;
  @ApiProperty({ type: String, nullable: true, example: 'Gao–Ansongo–Labbezanga', description: 'the supply route it was on; null when none was recorded' }) axis!: string | null;
  @ApiPropertyOptional(TIME) resolvedAt?: string;
  @ApiPropertyOptional({ type: 'integer' }) casualties?: number;
}
