import type { DomainEvent } from '../shared/domain-event';

/** A refusal to carry out an order, or a condition set before carrying it out. */
export const CAVEAT_KINDS = ['refusal', 'condition'] as const;
export type CaveatKind = (typeof CAVEAT_KINDS)[number];

/** How it ended: the contingent lifted it, the mission met the condition, or the order changed hands or shape. */
export const CAVEAT_OUTCOMES = ['lifted', 'condition-met', 'order-amended', 'order-reassigned'] as const;
export type CaveatOutcome = (typeof CAVEAT_OUTCOMES)[number];

export type CaveatRaised = DomainEvent<
  'CaveatRaised',
  Readonly<{
    caveatId: string;
    contingent: string;
    kind: CaveatKind;
    /** Declared by the contributing country beforehand (in its memorandum), or not: an undeclared caveat is the one the letter counts. */
    declared: boolean;
    /** The order it was set on, as the operations centre names it. */
    order: string;
    /** What the contingent refused, or what it asked for first. */
    condition: string;
    raisedAt: string;
    unit?: string;
  }>
>;

export type CaveatSettled = DomainEvent<'CaveatSettled', Readonly<{ caveatId: string; settledAt: string; outcome: CaveatOutcome; settlement: string }>>;

export type CaveatEvent = CaveatRaised | CaveatSettled;
