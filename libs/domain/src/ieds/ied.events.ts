import type { DomainEvent } from '../shared/domain-event';
import type { Location } from '../shared/location';

export const IED_STATUSES = ['detected', 'neutralized', 'detonated'] as const;
export type IedStatus = (typeof IED_STATUSES)[number];

export type IedDetected = DomainEvent<
  'IedDetected',
  Readonly<{ iedId: string; detectedAt: string; location: Location; unit?: string; convoyId?: string; method?: string }>
>;

export type IedNeutralized = DomainEvent<'IedNeutralized', Readonly<{ iedId: string; at: string; casualties?: number }>>;
export type IedDetonated = DomainEvent<'IedDetonated', Readonly<{ iedId: string; at: string; casualties?: number }>>;

export type IedEvent = IedDetected | IedNeutralized | IedDetonated;
