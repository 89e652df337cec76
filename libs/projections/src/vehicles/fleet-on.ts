import { toMillis, VEHICLE_DAMAGE_CAUSES, VEHICLE_STATUSES, type VehicleDamageCause, type VehicleStatus } from '@poc/domain';
import type { VehicleStatusPeriod, VehicleView } from './vehicles.projection';

/** A count and its share of the figure's denominator (null when that is 0). */
export type CountShare = Readonly<{ count: number; share: number | null }>;
export type StatusCount = CountShare & Readonly<{ status: VehicleStatus }>;
export type CauseCount = CountShare & Readonly<{ cause: VehicleDamageCause }>;
export type ContingentFleet = Readonly<{ contingent: string; total: number; byStatus: readonly StatusCount[] }>;

export type Fleet = Readonly<{
  /** The day (UTC) the fleet is counted on: each vehicle as it stood at the end of it. */
  on: string;
  /** What had been recorded by then; null = everything recorded. */
  asOf: string | null;
  /** Vehicles registered by the end of `on` and not written off by then. */
  total: number;
  /** Every status, in VEHICLE_STATUSES order; share = count / total. */
  byStatus: readonly StatusCount[];
  /** Contingents with a vehicle in the fleet, by name; shares within the contingent. */
  byContingent: readonly ContingentFleet[];
  /** The unusable vehicles by cause, every cause listed; share = count / unusable. */
  byCause: readonly CauseCount[];
  /** Registered by then and written off on or before `on`: out of the fleet, not in `total`. */
  writtenOff: number;
}>;

const shareOf = (count: number, of: number): number | null => (of === 0 ? null : count / of);

const statusCounts = (statuses: readonly VehicleStatus[]): StatusCount[] =>
  VEHICLE_STATUSES.map((status) => {
    const count = statuses.filter((s) => s === status).length;
    return { status, count, share: shareOf(count, statuses.length) };
  });

/** The period a vehicle was in at `untilMs`, as known at `asOfMs`; undefined = not registered yet (or not known to be). */
export const periodAt = (history: readonly VehicleStatusPeriod[], untilMs: number, asOfMs: number): VehicleStatusPeriod | undefined => {
  let current: VehicleStatusPeriod | undefined;
  // Recorded in stream order with `since` never going back: the last one begun by then is the one.
  for (const period of history) {
    if (toMillis(period.recordedAt) > asOfMs) break;
    if (toMillis(period.since) <= untilMs) current = period;
  }
  return current;
};

/**
 * The fleet on a day, from the vehicles' read-model documents: what the letter reports as
 * "550 in all, 479 (87%) in daily use, 30 (5.5%) under maintenance, 41 (7.5%) unusable".
 * Pure: GET /fleet and the period report call it on the same documents. `on` is YYYY-MM-DD;
 * `asOf` an ISO time (omitted: everything the documents hold).
 */
export const fleetOn = (vehicles: readonly VehicleView[], on: string, asOf?: string): Fleet => {
  const untilMs = toMillis(`${on}T23:59:59.999Z`);
  const asOfMs = asOf === undefined ? Number.POSITIVE_INFINITY : toMillis(asOf);
  const inFleet: { contingent: string; status: VehicleStatus; cause?: VehicleDamageCause }[] = [];
  let writtenOff = 0;
  for (const vehicle of vehicles) {
    const period = periodAt(vehicle.history, untilMs, asOfMs);
    if (!period) continue;
    if (period.status === 'written-off') writtenOff++;
    else inFleet.push({ contingent: vehicle.contingent, status: period.status, ...(period.cause !== undefined && { cause: period.cause }) });
  }
  const contingents = [...new Set(inFleet.map((v) => v.contingent))].sort();
  const unusable = inFleet.filter((v) => v.status === 'unusable');
  return {
    on,
    asOf: asOf ?? null,
    total: inFleet.length,
    byStatus: statusCounts(inFleet.map((v) => v.status)),
    byContingent: contingents.map((contingent) => {
      const own = inFleet.filter((v) => v.contingent === contingent);
      return { contingent, total: own.length, byStatus: statusCounts(own.map((v) => v.status)) };
    }),
    byCause: VEHICLE_DAMAGE_CAUSES.map((cause) => {
      const count = unusable.filter((v) => v.cause === cause).length;
      return { cause, count, share: shareOf(count, unusable.length) };
    }),
    writtenOff,
  };
};
