import type { Location } from '../shared/location';
import { eventSchema } from '../shared/upcasting';
import type { IedDetectedData } from './ied.events';

/** `IedDetected` data as schema v1 stored it (before the axis was recorded). Frozen. */
export type IedDetectedV1Data = Readonly<{
  iedId: string;
  detectedAt: string;
  location: Location;
  unit?: string;
  convoyId?: string;
  method?: string;
}>;

/**
 * v1 → v2: v2 records the supply route (axis) the device was on. A v1 report named none, and
 * guessing one from its place would put a route in the record nobody gave: it reads as
 * `axis: null`, "no axis recorded", and is counted by its cercle.
 */
export const iedDetectedV1toV2 = (v1: IedDetectedV1Data): IedDetectedData => ({ ...v1, axis: null });

/** IedDetected: v1 → v2 (axis). Add steps at the end, never change one. */
export const IED_DETECTED_SCHEMA = eventSchema(iedDetectedV1toV2);
