import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTOR_TYPES,
  INCIDENT_KINDS,
  INCIDENT_SOURCES,
  VERIFICATION_METHODS,
  VERIFICATION_STATUSES,
  type ActorType,
  type IncidentActor,
  type IncidentKind,
  type IncidentSource,
  type TimePrecision,
  type VerificationMethod,
  type VerificationStatus,
} from '@poc/domain';
import type { IncidentVerification, IncidentView } from '@poc/projections';
import { LocationViewDto, TIME } from '../shared/view.dto';

// Each class implements the view it documents: a field the read model adds or narrows and
// this does not fails to compile.

class RetractionDto implements NonNullable<IncidentView['retraction']> {
  @ApiProperty() reason!: string;
  @ApiProperty(TIME) retractedAt!: string;
}

class IncidentActorViewDto implements IncidentActor {
  @ApiPropertyOptional({ example: 'Dan Na Ambassagou' }) name?: string;
  @ApiProperty({ enum: ACTOR_TYPES, example: 'communal-militia' }) type!: ActorType;
}

class VerificationDto implements IncidentVerification {
  @ApiProperty({ enum: VERIFICATION_STATUSES, example: 'verified' }) status!: VerificationStatus;
  @ApiProperty({ description: 'role and key fingerprint of who recorded it', example: 'analyst:3f2a…' }) by!: string;
  @ApiProperty({ enum: VERIFICATION_METHODS, example: 'site-visit' }) method!: VerificationMethod;
  @ApiPropertyOptional() note?: string;
  @ApiProperty(TIME) at!: string;
}

/** The incident as known now; `superseded` keeps each earlier version (see asKnownAt in docs/analysts.md). */
export class IncidentViewDto implements Omit<IncidentView, 'superseded'> {
  @ApiProperty() incidentId!: string;
  @ApiProperty({ enum: ['active', 'retracted'] }) status!: IncidentView['status'];
  @ApiProperty(TIME) occurredAt!: string;
  @ApiProperty({ ...TIME, description: 'when the store first took the report' }) recordedAt!: string;
  @ApiProperty({ type: LocationViewDto }) location!: LocationViewDto;
  @ApiProperty({ enum: INCIDENT_KINDS, example: 'attack-on-civilians' }) kind!: IncidentKind;
  @ApiProperty({ type: 'integer' }) fatalities!: number;
  @ApiProperty({ type: 'integer' }) injured!: number;
  @ApiProperty() targetsCivilians!: boolean;
  @ApiPropertyOptional({ enum: INCIDENT_SOURCES, example: 'civilian' }) source?: IncidentSource;
  @ApiProperty({ enum: [1, 2, 3], description: 'ACLED time_precision' }) timePrecision!: TimePrecision;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() reportingUnit?: string;
  @ApiPropertyOptional({ type: IncidentActorViewDto, description: 'who did it' }) perpetrator?: IncidentActorViewDto;
  @ApiPropertyOptional({ type: IncidentActorViewDto, description: 'who suffered it' }) target?: IncidentActorViewDto;
  @ApiPropertyOptional({ type: VerificationDto, description: 'the latest verification; absent = unverified' }) verification?: VerificationDto;
  @ApiProperty({ type: 'integer', description: 'how many corrections were recorded' }) corrections!: number;
  @ApiPropertyOptional({ type: RetractionDto }) retraction?: RetractionDto;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', required: ['until', 'view'], properties: { until: { type: 'string', format: 'date-time' }, view: { type: 'object' } } },
    description: 'each earlier version and until when it stood',
  })
  superseded?: object[];
}

export class DailyCountDto {
  @ApiProperty({ format: 'date', example: '2020-03-05' }) date!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Bankass' }) cercle!: string | null;
  @ApiProperty({ type: 'integer', example: 2 }) count!: number;
}
