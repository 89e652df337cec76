import { ApiProperty } from '@nestjs/swagger';
import { AUDITED_EVENT_TYPES, ROLES, type AuditedEventType, type Role } from '@poc/domain';
import type { AuditEntryView } from '@poc/projections';
import { TIME } from '../shared/view.dto';

// Implements the view it documents: a drifting field fails to compile.
export class AuditEntryDto implements AuditEntryView {
  @ApiProperty({ description: 'the id of the event recorded' }) entryId!: string;
  @ApiProperty({ enum: AUDITED_EVENT_TYPES, description: "CallerDetailsRead: a caller's details were shown; CallerErased: a caller was forgotten" })
  type!: AuditedEventType;
  @ApiProperty() alertId!: string;
  @ApiProperty({ example: 'ops:3f2a9c1e#1', description: "the API key's fingerprint (never the key), or cli:<user> for the analyst CLI" }) actor!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ ...TIME, description: 'when the store recorded it' }) at!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) position!: number;
}
