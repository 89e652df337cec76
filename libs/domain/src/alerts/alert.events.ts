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

/** Personal data: callers risk reprisals. Encrypted before it reaches an event (security issue). */
export type Caller = Readonly<{ name?: string; phone?: string }>;

/**
 * Schema v2 (the current one): v1 plus `intakeGrading`, always present. Stored v1 events are
 * upcast on read (alert-received.upcasters.ts), so no reader ever sees v1.
 */
export type AlertReceivedData = Readonly<{
  alertId: string;
  channel: AlertChannel;
  receivedAt: string;
  location: Location;
  threat: Readonly<{ kind: ThreatKind; expectedAt?: string }>;
  intakeGrading: IntakeGrading;
  description?: string;
  caller?: Caller;
}>;

export type AlertReceived = DomainEvent<'AlertReceived', AlertReceivedData>;

export type AlertTriaged = DomainEvent<
  'AlertTriaged',
  Readonly<{ alertId: string; priority: AlertPriority; reliability?: Reliability; credibility?: number; triagedAt: string }>
>;

export type AlertClosed = DomainEvent<'AlertClosed', Readonly<{ alertId: string; outcome: AlertOutcome; closedAt: string }>>;

export type AlertEvent = AlertReceived | AlertTriaged | AlertClosed;
