import type { Area } from '../shared/location';
import { eventSchema } from '../shared/upcasting';
import { DEFAULT_FLIGHT_PURPOSE, type FlightDispatchedData } from './flight.events';

/**
 * `FlightDispatched` data as schema v1 stored it (deterrent flights only, before purposes and
 * take-off times). Frozen: it describes rows already on disk.
 */
export type FlightDispatchedV1Data = Readonly<{
  flightId: string;
  dispatchedAt: string;
  target: Area;
  alertIds: readonly string[];
  aircraft?: string;
  unit?: string;
}>;

/**
 * v1 → v2: v2 adds the purpose and the take-off time. A v1 flight was dispatched through the
 * API made for deterrent flights answering alerts, so its purpose is rapid response /
 * deterrence. Its dispatch time ("when the flight was ordered off") is the only start it
 * recorded, so it took off then: its flight hours run from the order, an upper bound.
 */
export const flightDispatchedV1toV2 = (v1: FlightDispatchedV1Data): FlightDispatchedData => ({
  ...v1,
  purpose: DEFAULT_FLIGHT_PURPOSE,
  takeOffAt: v1.dispatchedAt,
});

/** FlightDispatched: v1 (deterrent flights) → v2 (purpose, take-off). Add steps at the end, never change one. */
export const FLIGHT_DISPATCHED_SCHEMA = eventSchema(flightDispatchedV1toV2);
