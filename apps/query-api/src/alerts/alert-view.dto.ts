import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocationViewDto, TIME } from '../shared/view.dto';

class AlertResponseDto {
  @ApiProperty({ enum: ['flight', 'patrol'] }) kind!: string;
  @ApiProperty() id!: string;
  @ApiProperty(TIME) at!: string;
}

class ThreatViewDto {
  @ApiProperty({ example: 'attack-on-civilians' }) kind!: string;
  @ApiPropertyOptional(TIME) expectedAt?: string;
}

class GradingDto {
  @ApiProperty({ example: 'C' }) reliability!: string;
  @ApiProperty({ example: 3 }) credibility!: number;
}

class TriageViewDto {
  @ApiProperty({ example: 'flash' }) priority!: string;
  @ApiPropertyOptional({ example: 'B' }) reliability?: string;
  @ApiPropertyOptional({ example: 2 }) credibility?: number;
  @ApiProperty(TIME) triagedAt!: string;
}

class ClosedViewDto {
  @ApiProperty({ example: 'attack-prevented' }) outcome!: string;
  @ApiProperty(TIME) closedAt!: string;
}

/** Caller details never reach a read model: only whether there were any, and their state. */
export class AlertViewDto {
  @ApiProperty() alertId!: string;
  @ApiPropertyOptional({ enum: ['open', 'triaged', 'closed'], description: 'absent while only a response naming the alert has arrived' })
  status?: string;
  @ApiPropertyOptional({ example: 'hotline' }) channel?: string;
  @ApiPropertyOptional(TIME) receivedAt?: string;
  @ApiPropertyOptional(TIME) recordedAt?: string;
  @ApiPropertyOptional({ type: LocationViewDto }) location?: LocationViewDto;
  @ApiPropertyOptional({ type: ThreatViewDto }) threat?: ThreatViewDto;
  @ApiPropertyOptional({ type: GradingDto, description: 'Admiralty grading at intake; F6 when none was given' }) intakeGrading?: GradingDto;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() hasCaller?: boolean;
  @ApiPropertyOptional({ enum: ['protected', 'erased', 'withheld'] }) callerStatus?: string;
  @ApiPropertyOptional({ type: TriageViewDto }) triage?: TriageViewDto;
  @ApiPropertyOptional({ type: ClosedViewDto }) closed?: ClosedViewDto;
  @ApiProperty({ type: [AlertResponseDto] }) responses!: AlertResponseDto[];
}
