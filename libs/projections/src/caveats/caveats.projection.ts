import type { CaveatEvent, CaveatKind, CaveatOutcome, Stored, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type CaveatSettlementView = Readonly<{ settledAt: string; outcome: CaveatOutcome; settlement: string; recordedAt: string }>;

/** A refusal or condition a contingent set on an order, and how it was settled. */
export type CaveatView = Readonly<{
  caveatId: string;
  contingent: string;
  unit?: string;
  kind: CaveatKind;
  declared: boolean;
  order: string;
  condition: string;
  raisedAt: string;
  /** When it was recorded, for figures given as known on a date. */
  recordedAt: string;
  status: 'open' | 'settled';
  settled?: CaveatSettlementView;
}>;

const evolve = (doc: CaveatView | undefined, stored: StoredEvent): CaveatView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<CaveatEvent>;
  switch (event.type) {
    case 'CaveatRaised':
      return { ...event.data, recordedAt: event.recordedAt, status: 'open' };
    case 'CaveatSettled': {
      const { settledAt, outcome, settlement } = event.data;
      return doc && { ...doc, status: 'settled', settled: { settledAt, outcome, settlement, recordedAt: event.recordedAt } };
    }
    default:
      return doc;
  }
};

export const caveatsProjection: Projection<CaveatView> = {
  name: 'caveats',
  version: 1,
  collection: {
    name: 'caveats',
    columns: { raised_at: 'text', contingent: 'text', kind: 'text', declared: 'integer', status: 'text' },
    indexes: [['raised_at'], ['declared', 'raised_at']],
  },
  handles: ['CaveatRaised', 'CaveatSettled'],
  keysOf: (event) => [(event as Stored<CaveatEvent>).data.caveatId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({
    raised_at: view.raisedAt,
    contingent: view.contingent,
    kind: view.kind,
    declared: view.declared ? 1 : 0,
    status: view.status,
  }),
};
