import type { AuditedEventType, AuditEvent, CallerErased, Role, Stored, StoredEvent } from '@poc/domain';
import { AUDITED_EVENT_TYPES } from '@poc/domain';
import type { Projection } from '../projection';

/**
 * One audited act on a caller's personal data: who (the API key's fingerprint and role, or
 * `cli:<user>` for the analyst CLI), what, on which alert, when. Never the name or phone:
 * the events it is built from do not carry them.
 */
export type AuditEntryView = Readonly<{
  entryId: string;
  type: AuditedEventType;
  alertId: string;
  actor: string;
  role: Role;
  /** When the store recorded it (the server's clock). */
  at: string;
  /** The event's global position, to order two entries of the same instant. */
  position: number;
}>;

// One document per event, keyed by the event's id: nothing folds, so any arrival order gives the same model.
const entryOf = (stored: StoredEvent): AuditEntryView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<AuditEvent | CallerErased>;
  switch (event.type) {
    case 'CallerDetailsRead':
    case 'CallerErased':
      return {
        entryId: event.id,
        type: event.type,
        alertId: event.data.alertId,
        actor: event.metadata.actor,
        role: event.metadata.role,
        at: event.recordedAt,
        position: event.position,
      };
    default:
      return undefined;
  }
};

export const auditProjection: Projection<AuditEntryView> = {
  name: 'audit',
  version: 1,
  collection: {
    name: 'audit',
    columns: { at: 'text', position: 'integer', type: 'text', alert_id: 'text' },
    indexes: [['at', 'position'], ['alert_id']],
  },
  handles: AUDITED_EVENT_TYPES,
  keysOf: (event) => [event.id],
  evolve: (doc, event) => doc ?? entryOf(event),
  columnsOf: (view) => ({ at: view.at, position: view.position, type: view.type, alert_id: view.alertId }),
};
