import { ALERT_OUTCOMES, toMillis, type AlertOutcome } from '@poc/domain';
import type { AlertView } from '../alerts/alerts.projection';

/** A part of the alerts received: how many, their share of them, and which. */
export type AlertShare = Readonly<{ alerts: number; share: number | null; alertIds: readonly string[] }>;

export type AlertOutcomes = Readonly<{
  from: string | null;
  to: string | null;
  /** Alerts received (receivedAt) in the range. */
  received: number;
  /** Linked to the incident they warned of (AlertLinkedToIncident), with those incidents. */
  linkedToIncident: AlertShare & Readonly<{ incidentIds: readonly string[] }>;
  /** Closed, per outcome; every outcome is listed, 0 included. */
  closedAs: readonly (Readonly<{ outcome: AlertOutcome }> & AlertShare)[];
  /** Not closed yet (open or triaged). */
  notClosed: AlertShare;
  /** The warnings that came true: linked to an incident, or closed as attack-occurred (or both). */
  cameTrue: AlertShare;
}>;

export type AlertOutcomesRange = Readonly<{ from?: string; to?: string }>;

type Received = AlertView & Readonly<{ receivedAt: string }>;

const inRange = (view: AlertView, range: AlertOutcomesRange): view is Received => {
  if (view.receivedAt === undefined) return false;
  const at = toMillis(view.receivedAt);
  return (range.from === undefined || at >= toMillis(range.from)) && (range.to === undefined || at <= toMillis(range.to));
};

/**
 * Pure: what became of the alerts received in [from, to] (both inclusive; an absent bound
 * does not narrow). Every share is over `received`, null when nothing was received; ids are
 * listed in receipt order. A document only a response has reached (no receipt) is no alert yet.
 */
export const alertOutcomes = (docs: readonly AlertView[], range: AlertOutcomesRange = {}): AlertOutcomes => {
  const received = docs
    .filter((d) => inRange(d, range))
    .sort((a, b) => toMillis(a.receivedAt) - toMillis(b.receivedAt) || a.alertId.localeCompare(b.alertId));
  const part = (keep: (a: Received) => boolean): AlertShare => {
    const alertIds = received.filter(keep).map((a) => a.alertId);
    return { alerts: alertIds.length, share: received.length === 0 ? null : alertIds.length / received.length, alertIds };
  };
  const linked = received.flatMap((a) => (a.linkedIncident ? [a.linkedIncident.incidentId] : []));
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    received: received.length,
    linkedToIncident: { ...part((a) => a.linkedIncident !== undefined), incidentIds: [...new Set(linked)].sort() },
    closedAs: ALERT_OUTCOMES.map((outcome) => ({ outcome, ...part((a) => a.closed?.outcome === outcome) })),
    notClosed: part((a) => a.closed === undefined),
    cameTrue: part((a) => a.linkedIncident !== undefined || a.closed?.outcome === 'attack-occurred'),
  };
};
