import type { DomainEvent } from '../shared/domain-event';

export const JUSTICE_INSTITUTION_KINDS = ['court', 'prison'] as const;
export type JusticeInstitutionKind = (typeof JUSTICE_INSTITUTION_KINDS)[number];

/** One delivery of supplies to one court or prison, named as the mission names it. */
export type SuppliesDelivered = DomainEvent<
  'SuppliesDelivered',
  Readonly<{ deliveryId: string; institutionKind: JusticeInstitutionKind; institution: string; deliveredAt: string; supplies: string; cercle?: string; region?: string }>
>;

export type SupplyEvent = SuppliesDelivered;
