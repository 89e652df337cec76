import type { DomainEvent } from '../shared/domain-event';
import type { Location } from '../shared/location';

export const ALERT_CHANNELS = ['hotline', 'radio', 'community-network', 'patrol', 'partner', 'other'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export const THREAT_KINDS = ['attack-on-civilians', 'armed-group-movement', 'ied', 'other'] as const;
export type ThreatKind = (typeof THREAT_KINDS)[number];

export const ALERT_PRIORITIES = ['flash', 'immediate', 'routine'] as const;
export type AlertPriority = (typeof ALERT_PRIORITIES)[number];

/** Admiralty code: source reliability A–F × information credibility 1–6. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY_GRADES)[number];

/** How far the operator could trust the source and the information when the alert came in. */
export type IntakeGrading = Readonly<{ reliability: Reliability; credibility: Credibility }>;

/**
 * Not graded at intake: F "reliability cannot be judged" and 6 "truth cannot be judged", the
 * Admiralty code's own words for "we do not know". What an operator under pressure leaves
 * out, and what every alert recorded before intake grading existed (schema v1) reads as.
 */
export const NOT_GRADED_AT_INTAKE: IntakeGrading = Object.freeze({ reliability: 'F', credibility: 6 });

export const ALERT_OUTCOMES = ['attack-prevented', 'attack-occurred', 'unfounded', 'other'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

/** Personal data: callers risk reprisals. Never stored as such: see SealedCaller. */
export type Caller = Readonly<{ name?: string; phone?: string }>;

/**
 * The caller as events hold it (schema v3): name and phone encrypted together with the
 * caller's own key (AES-256-GCM), which lives in a key table apart from the events. Deleting
 * that key ("forget the caller") makes every copy of this, in any store, topic, backup or
 * export, unreadable for good. Opaque to the domain: only `keyId` means anything here.
 */
export type SealedCaller = Readonly<{ sealed: true; keyId: string; iv: string; tag: string; ciphertext: string }>;

/**
 * A caller recorded before encryption (schema v1/v2 stored plaintext): the upcaster drops the
 * plaintext so no reader sees it, and this marks that there was one. Its bytes stay on disk
 * (events never change): docs/security.md says what that means.
 */
export type UnsealedCaller = Readonly<{ sealed: false }>;

export type CallerRecord = SealedCaller | UnsealedCaller;

/**
 * Schema v3 (the current one): v2 with the caller sealed. v2 added `intakeGrading`, always
 * present. Stored v1/v2 events are upcast on read (alert-received.upcasters.ts), so no reader
 * ever sees an older version.
 */
export type AlertReceivedData = Readonly<{
  alertId: string;
  channel: AlertChannel;
  receivedAt: string;
  location: Location;
  threat: Readonly<{ kind: ThreatKind; expectedAt?: string }>;
  intakeGrading: IntakeGrading;
  description?: string;
  caller?: CallerRecord;
}>;

export type AlertReceived = DomainEvent<'AlertReceived', AlertReceivedData>;

export type AlertTriaged = DomainEvent<
  'AlertTriaged',
  Readonly<{ alertId: string; priority: AlertPriority; reliability?: Reliability; credibility?: number; triagedAt: string }>
>;

export type AlertClosed = DomainEvent<'AlertClosed', Readonly<{ alertId: string; outcome: AlertOutcome; closedAt: string }>>;

/**
 * The caller's key was deleted: whatever the events say of the caller can no longer be read.
 * Recorded on every alert that caller made, so read models, replays and rebuilds show it.
 */
export type CallerErased = DomainEvent<'CallerErased', Readonly<{ alertId: string; keyId: string; erasedAt: string }>>;

/**
 * The alert was linked to the incident it warned of (or that became its outcome): the warning
 * came true. One incident per alert; the incident's own stream is not read to decide it.
 */
export type AlertLinkedToIncident = DomainEvent<'AlertLinkedToIncident', Readonly<{ alertId: string; incidentId: string; linkedAt: string }>>;

export type AlertEvent = AlertReceived | AlertTriaged | AlertClosed | CallerErased | AlertLinkedToIncident;
