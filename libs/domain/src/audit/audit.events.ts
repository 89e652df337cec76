import type { DomainEvent } from '../shared/domain-event';

/**
 * Someone was shown an alert caller's name and phone (GET /alerts/{id}/caller). Who it was
 * is in the event's metadata (the API key's fingerprint and role); what they saw never is:
 * the audit trail must not become a second copy of the personal data it watches over.
 */
export type CallerDetailsRead = DomainEvent<'CallerDetailsRead', Readonly<{ alertId: string; readAt: string }>>;

export type AuditEvent = CallerDetailsRead;

/**
 * What the audit list shows: the reads recorded here, and the erasures the alert streams
 * already record (CallerErased, by DELETE /alerts/{id}/caller or the CLI's forget-caller).
 */
export const AUDITED_EVENT_TYPES = ['CallerDetailsRead', 'CallerErased'] as const;
export type AuditedEventType = (typeof AUDITED_EVENT_TYPES)[number];
