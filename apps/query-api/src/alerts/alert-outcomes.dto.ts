import { ApiProperty } from '@nestjs/swagger';
import { ALERT_OUTCOMES, type AlertOutcome } from '@poc/domain';
import type { AlertOutcomes, AlertShare } from '@poc/projections';

// Each class implements the figure it documents, so the schema cannot drift from what is served.

class AlertShareDto implements AlertShare {
  @ApiProperty({ example: 3 }) alerts!: number;
  @ApiProperty({ example: 0.25, nullable: true, type: Number, description: 'alerts / received; null when none was received' }) share!: number | null;
  @ApiProperty({ type: [String], description: 'the alerts counted, in receipt order' }) alertIds!: string[];
}

class LinkedShareDto extends AlertShareDto {
  @ApiProperty({ type: [String], description: 'the incidents they were linked to' }) incidentIds!: string[];
}

class OutcomeShareDto extends AlertShareDto {
  @ApiProperty({ enum: ALERT_OUTCOMES }) outcome!: AlertOutcome;
}

export class AlertOutcomesDto implements AlertOutcomes {
  @ApiProperty({ nullable: true, type: String, example: '2020-03-01T00:00:00.000Z' }) from!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2020-03-31T23:59:59.999Z' }) to!: string | null;
  @ApiProperty({ example: 12, description: 'alerts received (receivedAt) in the range' }) received!: number;
  @ApiProperty({ type: LinkedShareDto, description: 'linked to the incident they warned of' }) linkedToIncident!: LinkedShareDto;
  @ApiProperty({ type: [OutcomeShareDto], description: 'closed, per outcome (every outcome listed)' }) closedAs!: OutcomeShareDto[];
  @ApiProperty({ type: AlertShareDto, description: 'open or triaged' }) notClosed!: AlertShareDto;
  @ApiProperty({ type: AlertShareDto, description: 'came true: linked to an incident, or closed as attack-occurred' }) cameTrue!: AlertShareDto;
}
