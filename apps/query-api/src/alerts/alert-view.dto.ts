import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_CHANNELS,
  ALERT_OUTCOMES,
  ALERT_PRIORITIES,
  ALERT_STATUSES,
  RELIABILITY_GRADES,
  THREAT_KINDS,
  type AlertChannel,
  type AlertOutcome,
  type AlertPriority,
  type AlertStatus,
  type Credibility,
  type IntakeGrading,
  type Reliability,
  type ThreatKind,
} from '@poc/domain';
import { ALERT_RESPONSE_KINDS, CALLER_STATUSES, type AlertResponse, type AlertTriage, type AlertView, type CallerStatus } from '@poc/projections';
import { LocationViewDto, TIME } from '../shared/view.dto';

// Each class implements the view it documents: a field added to or narrowed in the read model
// and not here fails to compile, so the published schema cannot drift from what is served.

class AlertResponseDto implements AlertResponse {
  @ApiProperty({ enum: ALERT_RESPONSE_KINDS }) kind!: AlertResponse['kind'];
  @ApiProperty() id!: string;
  @ApiProperty(TIME) at!: string;
}

class ThreatViewDto implements NonNullable<AlertView['threat']> {
  @ApiProperty({ enum: THREAT_KINDS, example: 'attack-on-civilians' }) kind!: ThreatKind;
  @ApiPropertyOptional(TIME) expectedAt?: string;
}

class GradingDto implements IntakeGrading {
  @ApiProperty({ enum: RELIABILITY_GRADES, example: 'C' }) reliability!: Reliability;
  @ApiProperty({ enum: [1, 2, 3, 4, 5, 6], example: 3 }) credibility!: Credibility;
}

class TriageViewDto implements AlertTriage {
  @ApiProperty({ enum: ALERT_PRIORITIES, example: 'flash' }) priority!: AlertPriority;
  @ApiPropertyOptional({ enum: RELIABILITY_GRADES, example: 'B' }) reliability?: Reliability;
  @ApiPropertyOptional({ example: 2 }) credibility?: number;
  @ApiProperty(TIME) triagedAt!: string;
}

class ClosedViewDto implements NonNullable<AlertView['closed']> {
  @ApiProperty({ enum: ALERT_OUTCOMES, example: 'attack-prevented' }) outcome!: AlertOutcome;
  @ApiProperty(TIME) closedAt!: string;
}

class LinkedIncidentDto implements NonNullable<AlertView['linkedIncident']> {
  @ApiProperty({ example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed' }) incidentId!: string;
  @ApiProperty(TIME) linkedAt!: string;
}

/** Caller details never reach a read model: only whether there were any, and their state. */
export class AlertViewDto implements AlertView {
  @ApiProperty() alertId!: string;
  @ApiPropertyOptional({ enum: ALERT_STATUSES, description: 'absent while only a response naming the alert has arrived' })
  status?: AlertStatus;
  @ApiPropertyOptional({ enum: ALERT_CHANNELS, example: 'hotline' }) channel?: AlertChannel;
  @ApiPropertyOptional(TIME) receivedAt?: string;
  @ApiPropertyOptional(TIME) recordedAt?: string;
  @ApiPropertyOptional({ type: LocationViewDto }) location?: LocationViewDto;
  @ApiPropertyOptional({ type: ThreatViewDto }) threat?: ThreatViewDto;
  @ApiPropertyOptional({ type: GradingDto, description: 'Admiralty grading at intake; F6 when none was given' }) intakeGrading?: GradingDto;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() hasCaller?: boolean;
  @ApiPropertyOptional({ enum: CALLER_STATUSES }) callerStatus?: CallerStatus;
  @ApiPropertyOptional({ type: TriageViewDto }) triage?: TriageViewDto;
  @ApiPropertyOptional({ type: ClosedViewDto }) closed?: ClosedViewDto;
  @ApiProperty({ type: [AlertResponseDto] }) responses!: AlertResponseDto[];
  @ApiPropertyOptional({ type: LinkedIncidentDto, description: 'the incident the alert warned of (POST /alerts/{id}/link-incident)' })
  linkedIncident?: LinkedIncidentDto;
}
