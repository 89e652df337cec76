import type { DomainEvent } from '../shared/domain-event';

/** Displaced people the mission helped back to a commune, counted (never named). */
export type ReturnAssisted = DomainEvent<
  'ReturnAssisted',
  Readonly<{ returnId: string; commune: string; cercle: string; region: string; people: number; returnedAt: string }>
>;

export type ReturnEvent = ReturnAssisted;
