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

export const ALERT_OUTCOMES = ['attack-prevented', 'attack-occurred', 'unfounded', 'other'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

/** Personal data: callers risk reprisals. Encrypted before it reaches an event (security issue). */
export type Caller = Readonly<{ name?: string; phone?: string }>;

export type AlertReceived = DomainEvent<
  'AlertReceived',
  Readonly<{
    alertId: string;
    channel: AlertChannel;
    receivedAt: string;
    location: Location;
    threat: Readonly<{ kind: ThreatKind; expectedAt?: string }>;
    description?: string;
    caller?: Caller;
  }>
>;

export type AlertTriaged = DomainEvent<
  'AlertTriaged',
  Readonly<{ alertId: string; priority: AlertPriority; reliability?: Reliability; credibility?: number; triagedAt: string }>
>;

export type AlertClosed = DomainEvent<'AlertClosed', Readonly<{ alertId: string; outcome: AlertOutcome; closedAt: string }>>;

export type AlertEvent = AlertReceived | AlertTriaged | AlertClosed;
