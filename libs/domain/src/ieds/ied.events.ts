import type { DomainEvent } from '../shared/domain-event';
import type { Location } from '../shared/location';

export const IED_STATUSES = ['detected', 'neutralized', 'detonated'] as const;
export type IedStatus = (typeof IED_STATUSES)[number];

/**
 * IedDetected v2: v1 plus `axis`, always present: the supply route the device was on
 * (e.g. Gao–Ansongo–Labbezanga), or null when the report names none (every v1 report:
 * ied-detected.upcasters.ts). Reports without an axis are counted by their cercle instead.
 */
export type IedDetectedData = Readonly<{
  iedId: string;
  detectedAt: string;
  location: Location;
  unit?: string;
  convoyId?: string;
  method?: string;
  axis: string | null;
}>;

export type IedDetected = DomainEvent<'IedDetected', IedDetectedData>;

export type IedNeutralized = DomainEvent<'IedNeutralized', Readonly<{ iedId: string; at: string; casualties?: number }>>;
export type IedDetonated = DomainEvent<'IedDetonated', Readonly<{ iedId: string; at: string; casualties?: number }>>;

export type IedEvent = IedDetected | IedNeutralized | IedDetonated;
