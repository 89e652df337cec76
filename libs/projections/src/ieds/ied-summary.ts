import { toMillis } from '@poc/domain';
import { monthOf } from '../statistics/months';
import type { IedView } from './ieds.projection';

/** Devices found, and how they ended. */
export type IedCounts = Readonly<{
  /** Devices reported (detected), whatever became of them. */
  found: number;
  /** Found and neutralised before going off. */
  neutralised: number;
  /** Went off. */
  detonated: number;
  /** Found, not dealt with yet: in neither side of the share. */
  pending: number;
  /** neutralised / (neutralised + detonated); null when none was resolved. */
  shareNeutralised: number | null;
  /** Killed or injured by those that went off (none recorded counts 0). */
  casualties: number;
}>;

/** A month on one axis: the supply route, or the cercle for reports naming no axis. */
export type IedMonthAxis = IedCounts &
  Readonly<{
    /** YYYY-MM (UTC) of the detection. */
    month: string;
    /** The supply route; null for the devices reported without one. */
    axis: string | null;
    /** Only when axis is null: the cercle they were found in (null when unknown too). */
    cercle: string | null;
  }>;

export type IedConvoy = Readonly<{
  convoyId: string;
  /** Devices found on this escort. */
  found: number;
  /** Of them, neutralised (cleared) before going off. */
  cleared: number;
  detonated: number;
  pending: number;
  casualties: number;
  /** The units that reported them, alphabetical. */
  units: readonly string[];
  firstDetectedAt: string;
  lastDetectedAt: string;
}>;

export type IedSummary = Readonly<{
  from: string | null;
  to: string | null;
  totals: IedCounts;
  /** Per month, all axes together, oldest first. */
  byMonth: readonly (IedCounts & Readonly<{ month: string }>)[];
  /** Per month and axis (or cercle), oldest month first, then axes before cercles, by name. */
  byMonthAndAxis: readonly IedMonthAxis[];
  /** Per convoy escort (reports with a convoy id), most devices cleared first. */
  convoys: readonly IedConvoy[];
}>;

export type IedSummaryRange = Readonly<{ from?: string; to?: string }>;

type Ied = Pick<IedView, 'iedId' | 'status' | 'detectedAt' | 'location' | 'axis' | 'convoyId' | 'unit' | 'casualties'>;

const inRange = (at: string, range: IedSummaryRange): boolean =>
  (range.from === undefined || toMillis(at) >= toMillis(range.from)) && (range.to === undefined || toMillis(at) <= toMillis(range.to));

/** The counts of a set of devices. */
export const iedCounts = (ieds: readonly Ied[]): IedCounts => {
  const neutralised = ieds.filter((i) => i.status === 'neutralized').length;
  const wentOff = ieds.filter((i) => i.status === 'detonated');
  const resolved = neutralised + wentOff.length;
  return {
    found: ieds.length,
    neutralised,
    detonated: wentOff.length,
    pending: ieds.filter((i) => i.status === 'detected').length,
    shareNeutralised: resolved === 0 ? null : neutralised / resolved,
    casualties: wentOff.reduce((sum, i) => sum + (i.casualties ?? 0), 0),
  };
};

const groupBy = <K>(items: readonly Ied[], keyOf: (i: Ied) => K, id: (k: K) => string): [K, Ied[]][] => {
  const groups = new Map<string, [K, Ied[]]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(id(key)) ?? [key, []];
    group[1].push(item);
    groups.set(id(key), group);
  }
  return [...groups.values()];
};

type AxisKey = Readonly<{ month: string; axis: string | null; cercle: string | null }>;
// Defaulted: a document built by the ieds projection v1 (before a rebuild) has no axis key.
const axisKeyOf = ({ detectedAt, axis = null, location }: Ied): AxisKey => ({ month: monthOf(detectedAt), axis, cercle: axis === null ? (location.cercle ?? null) : null });
// Axes first, then cercles, then the unknown place; by name within each.
const axisOrder = (k: AxisKey): string => (k.axis !== null ? `0${k.axis}` : k.cercle !== null ? `1${k.cercle}` : '2');

const convoyOf = (convoyId: string, ieds: readonly Ied[]): IedConvoy => {
  const counts = iedCounts(ieds);
  const times = ieds.map((i) => i.detectedAt).sort((a, b) => toMillis(a) - toMillis(b));
  return {
    convoyId,
    found: counts.found,
    cleared: counts.neutralised,
    detonated: counts.detonated,
    pending: counts.pending,
    casualties: counts.casualties,
    units: [...new Set(ieds.flatMap((i) => (i.unit === undefined ? [] : [i.unit])))].sort(),
    firstDetectedAt: times[0]!,
    lastDetectedAt: times[times.length - 1]!,
  };
};

/**
 * Pure: the share of IEDs neutralised before going off, per month and axis, and the devices
 * found and cleared per convoy escort, from the IEDs read model. The caller fetches the
 * devices detected in the range; others are left out. A device counts in the month it was
 * detected, with the status the read model has now.
 */
export const iedSummary = (ieds: readonly Ied[], range: IedSummaryRange = {}): IedSummary => {
  const found = ieds.filter((i) => inRange(i.detectedAt, range));
  const byMonth = groupBy(found, (i) => monthOf(i.detectedAt), (m) => m)
    .map(([month, group]) => ({ month, ...iedCounts(group) }))
    .sort((a, b) => a.month.localeCompare(b.month));
  const byMonthAndAxis = groupBy(found, axisKeyOf, (k) => `${k.month}|${axisOrder(k)}`)
    .map(([key, group]) => ({ ...key, ...iedCounts(group) }))
    .sort((a, b) => a.month.localeCompare(b.month) || axisOrder(a).localeCompare(axisOrder(b)));
  const convoys = groupBy(
    found.filter((i) => i.convoyId !== undefined),
    (i) => i.convoyId!,
    (c) => c,
  )
    .map(([convoyId, group]) => convoyOf(convoyId, group))
    .sort((a, b) => b.cleared - a.cleared || b.found - a.found || a.convoyId.localeCompare(b.convoyId));
  return { from: range.from ?? null, to: range.to ?? null, totals: iedCounts(found), byMonth, byMonthAndAxis, convoys };
};
