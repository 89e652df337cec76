import { toMillis } from '@poc/domain';
import type { AlertView } from '../alerts/alerts.projection';
import type { BaseView } from '../bases/bases.projection';
import type { IncidentView } from '../incidents/incidents.projection';
import { median } from '../statistics/percentiles';
import { baseSpeed, TOB_TARGET_HOURS } from './tob-speed';

/**
 * The letter's measure: a TOB "set up within 48 hours of being informed" of the attack, the
 * clock starting when the alert or report reached the mission, not when the attack occurred
 * (that older figure stays GET /bases/speed, unchanged). See docs/readiness.md.
 */

/** Why a base has no time from being informed. */
export type TobInformedExclusion = 'no-trigger' | 'trigger-unknown' | 'trigger-retracted' | 'informed-after-establishment';

/** What informed the mission: an alert linked to the trigger, or the trigger's own report. */
export type InformedBy = 'alert' | 'report';

export type BaseSpeedFromInformed = Readonly<{
  baseId: string;
  name?: string;
  establishedAt: string;
  triggerIncidentId: string | null;
  triggerOccurredAt: string | null;
  /** When the mission was informed of the attack; null when the trigger is not usable. */
  informedAt: string | null;
  informedBy: InformedBy | null;
  /** The alert that informed it, when one did. */
  informedByAlertId?: string;
  /** Alerts linked to the trigger but received before the attack: warnings, not the news of it. */
  warningAlertIds: readonly string[];
  /** establishedAt − informedAt in hours; null when excluded. */
  hours: number | null;
  /** The old figure for the same base (GET /bases/speed): establishedAt − the attack's occurredAt. */
  hoursFromAttack: number | null;
  excludedBecause?: TobInformedExclusion;
}>;

export type TobSpeedFromInformed = Readonly<{
  /** Bases established in the range. */
  bases: number;
  /** Of them, bases with a time from being informed. */
  withInformed: number;
  /** Median hours from being informed to establishment over `withInformed`; null when none. */
  medianHours: number | null;
  /** Bases up within 48 hours of being informed: 48 h exactly is within. */
  within48h: number;
  /** within48h / withInformed; null when no base has a time. */
  shareWithin48h: number | null;
  /** The bases counted in within48h, oldest establishment first. */
  within48hBaseIds: readonly string[];
  from: string | null;
  to: string | null;
  /** Every base of the range, oldest establishment first. */
  perBase: readonly BaseSpeedFromInformed[];
}>;

export type TobInformedRange = Readonly<{ from?: string; to?: string }>;

type Trigger = Pick<IncidentView, 'incidentId' | 'occurredAt' | 'recordedAt' | 'status'>;
type LinkedAlert = Pick<AlertView, 'alertId' | 'receivedAt' | 'linkedIncident'>;

const HOUR_MS = 3_600_000;

const byTime = (a: LinkedAlert & { receivedAt: string }, b: LinkedAlert & { receivedAt: string }) =>
  toMillis(a.receivedAt) - toMillis(b.receivedAt) || a.alertId.localeCompare(b.alertId);

/**
 * One base's time from being informed. An alert linked to the trigger informs of the attack
 * when received at or after it; the report informs when the store first took it (recordedAt).
 * The earlier of the two starts the clock, never before the attack itself.
 */
export const baseSpeedFromInformed = (base: BaseView, incidents: ReadonlyMap<string, Trigger>, alertsByIncident: ReadonlyMap<string, readonly LinkedAlert[]>): BaseSpeedFromInformed => {
  const common = {
    baseId: base.baseId,
    ...(base.name !== undefined && { name: base.name }),
    establishedAt: base.establishedAt,
    triggerIncidentId: base.triggerIncidentId ?? null,
    hoursFromAttack: baseSpeed(base, incidents).hours,
  };
  const none = { triggerOccurredAt: null, informedAt: null, informedBy: null, warningAlertIds: [], hours: null };
  if (base.triggerIncidentId === undefined) return { ...common, ...none, excludedBecause: 'no-trigger' };
  const trigger = incidents.get(base.triggerIncidentId);
  if (!trigger) return { ...common, ...none, excludedBecause: 'trigger-unknown' };
  const occurred = toMillis(trigger.occurredAt);
  const alerts = (alertsByIncident.get(trigger.incidentId) ?? [])
    .filter((a): a is LinkedAlert & { receivedAt: string } => a.receivedAt !== undefined)
    .sort(byTime);
  const warningAlertIds = alerts.filter((a) => toMillis(a.receivedAt) < occurred).map((a) => a.alertId);
  const withTrigger = { triggerOccurredAt: trigger.occurredAt, warningAlertIds };
  // A retracted report is not a fact the mission stands by: no clock can start from it.
  if (trigger.status === 'retracted') return { ...common, ...none, ...withTrigger, excludedBecause: 'trigger-retracted' };
  const alert = alerts.find((a) => toMillis(a.receivedAt) >= occurred);
  // An alert at the same instant as the report is taken as what reached the mission first.
  const byAlert = alert !== undefined && toMillis(alert.receivedAt) <= toMillis(trigger.recordedAt);
  const informed = Math.max(occurred, byAlert ? toMillis(alert.receivedAt) : toMillis(trigger.recordedAt));
  const informedAt = new Date(informed).toISOString();
  const source = byAlert ? { informedBy: 'alert' as const, informedByAlertId: alert.alertId } : { informedBy: 'report' as const };
  const hours = (toMillis(base.establishedAt) - informed) / HOUR_MS;
  // Up before the news arrived: a report recorded late, or a wrong link. Shown, not counted.
  if (hours < 0) return { ...common, ...withTrigger, informedAt, ...source, hours: null, excludedBecause: 'informed-after-establishment' };
  return { ...common, ...withTrigger, informedAt, ...source, hours };
};

const inRange = (base: BaseView, range: TobInformedRange): boolean => {
  const at = toMillis(base.establishedAt);
  return (range.from === undefined || at >= toMillis(range.from)) && (range.to === undefined || at <= toMillis(range.to));
};

/**
 * Pure: the caller fetches the bases established in the range, their trigger incidents and
 * the alerts linked to those incidents. Bases outside the range are left out.
 */
export const tobSpeedFromInformed = (
  bases: readonly BaseView[],
  incidents: Iterable<Trigger>,
  alerts: Iterable<LinkedAlert>,
  range: TobInformedRange = {},
): TobSpeedFromInformed => {
  const byId = new Map([...incidents].map((i) => [i.incidentId, i]));
  const alertsByIncident = new Map<string, LinkedAlert[]>();
  for (const a of alerts) {
    if (a.linkedIncident) alertsByIncident.set(a.linkedIncident.incidentId, [...(alertsByIncident.get(a.linkedIncident.incidentId) ?? []), a]);
  }
  const perBase = bases
    .filter((b) => inRange(b, range))
    .sort((a, b) => toMillis(a.establishedAt) - toMillis(b.establishedAt) || a.baseId.localeCompare(b.baseId))
    .map((b) => baseSpeedFromInformed(b, byId, alertsByIncident));
  const timed = perBase.filter((b): b is BaseSpeedFromInformed & { hours: number } => b.hours !== null);
  const within = timed.filter((b) => b.hours <= TOB_TARGET_HOURS);
  return {
    bases: perBase.length,
    withInformed: timed.length,
    medianHours: median(timed.map((b) => b.hours)),
    within48h: within.length,
    shareWithin48h: timed.length === 0 ? null : within.length / timed.length,
    within48hBaseIds: within.map((b) => b.baseId),
    from: range.from ?? null,
    to: range.to ?? null,
    perBase,
  };
};
