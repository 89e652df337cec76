import { toMillis } from '@poc/domain';
import type { BaseView } from '../bases/bases.projection';
import type { IncidentView } from '../incidents/incidents.projection';
import { median } from '../statistics/percentiles';

/**
 * How fast temporary operating bases went up after the attack that prompted them: the
 * mission's commitment is a TOB in under 48 hours. See docs/response-rate.md.
 */
export const TOB_TARGET_HOURS = 48;

/** Why a base has no time in the figure. */
export type TobSpeedExclusion = 'no-trigger' | 'trigger-unknown' | 'trigger-retracted' | 'trigger-after-establishment';

export type BaseSpeed = Readonly<{
  baseId: string;
  name?: string;
  establishedAt: string;
  triggerIncidentId: string | null;
  /** When the triggering incident happened (as now corrected); null when it is not known. */
  triggerOccurredAt: string | null;
  /** establishedAt − triggerOccurredAt in hours; null when excluded. */
  hours: number | null;
  excludedBecause?: TobSpeedExclusion;
}>;

export type TobSpeed = Readonly<{
  /** Bases established in the range. */
  bases: number;
  /** Of them, bases with a usable trigger: known, not retracted, not after the establishment. */
  withTrigger: number;
  /** Median hours from the trigger to establishment over `withTrigger`; null when none. */
  medianHours: number | null;
  /** Bases up in strictly less than 48 hours. */
  under48h: number;
  /** under48h / withTrigger; null when no base has a usable trigger. */
  shareUnder48h: number | null;
  from: string | null;
  to: string | null;
  /** Every base of the range, oldest establishment first. */
  perBase: readonly BaseSpeed[];
}>;

export type TobSpeedRange = Readonly<{ from?: string; to?: string }>;

const HOUR_MS = 3_600_000;

const inRange = (base: BaseView, range: TobSpeedRange): boolean => {
  const at = toMillis(base.establishedAt);
  return (range.from === undefined || at >= toMillis(range.from)) && (range.to === undefined || at <= toMillis(range.to));
};

/** One base's time from its trigger; the incidents map holds what the read model knows. */
export const baseSpeed = (base: BaseView, incidents: ReadonlyMap<string, Pick<IncidentView, 'occurredAt' | 'status'>>): BaseSpeed => {
  const common = {
    baseId: base.baseId,
    ...(base.name !== undefined && { name: base.name }),
    establishedAt: base.establishedAt,
    triggerIncidentId: base.triggerIncidentId ?? null,
  };
  const excluded = (excludedBecause: TobSpeedExclusion, triggerOccurredAt: string | null = null): BaseSpeed => ({
    ...common,
    triggerOccurredAt,
    hours: null,
    excludedBecause,
  });
  if (base.triggerIncidentId === undefined) return excluded('no-trigger');
  const trigger = incidents.get(base.triggerIncidentId);
  if (!trigger) return excluded('trigger-unknown');
  // A retracted report is not a fact the mission stands by: no clock can start from it.
  if (trigger.status === 'retracted') return excluded('trigger-retracted', trigger.occurredAt);
  const hours = (toMillis(base.establishedAt) - toMillis(trigger.occurredAt)) / HOUR_MS;
  // A base up before its "trigger" points at a wrong time or a wrong link: show it, do not count it.
  if (hours < 0) return excluded('trigger-after-establishment', trigger.occurredAt);
  return { ...common, triggerOccurredAt: trigger.occurredAt, hours };
};

/**
 * Pure: the caller fetches the bases established in the range and their trigger incidents.
 * Bases outside the range are left out.
 */
export const tobSpeed = (
  bases: readonly BaseView[],
  incidents: Iterable<Pick<IncidentView, 'incidentId' | 'occurredAt' | 'status'>>,
  range: TobSpeedRange = {},
): TobSpeed => {
  const byId = new Map([...incidents].map((i) => [i.incidentId, i]));
  const perBase = bases
    .filter((b) => inRange(b, range))
    .sort((a, b) => toMillis(a.establishedAt) - toMillis(b.establishedAt) || a.baseId.localeCompare(b.baseId))
    .map((b) => baseSpeed(b, byId));
  const hours = perBase.flatMap((b) => (b.hours === null ? [] : [b.hours]));
  const under48h = hours.filter((h) => h < TOB_TARGET_HOURS).length;
  return {
    bases: perBase.length,
    withTrigger: hours.length,
    medianHours: median(hours),
    under48h,
    shareUnder48h: hours.length === 0 ? null : under48h / hours.length,
    from: range.from ?? null,
    to: range.to ?? null,
    perBase,
  };
};
