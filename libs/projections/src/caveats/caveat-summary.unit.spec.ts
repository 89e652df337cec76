import type { CaveatView } from './caveats.projection';
import { caveatSummary } from './caveat-summary';

const caveat = (caveatId: string, raisedAt: string, changes: Partial<CaveatView> = {}): CaveatView => ({
  caveatId,
  contingent: 'Contingent A',
  kind: 'condition',
  declared: true,
  order: 'FRAGO 12/2020',
  condition: 'night air surveillance',
  raisedAt,
  status: 'open',
  ...changes,
});
const settled = (settledAt: string, outcome: 'lifted' | 'condition-met' = 'condition-met') => ({ status: 'settled' as const, settled: { settledAt, outcome, settlement: 'done' } });

const docs = [
  caveat('k1', '2020-02-01T08:00:00.000Z', settled('2020-02-03T08:00:00.000Z')),
  caveat('k2', '2020-03-01T08:00:00.000Z', { kind: 'refusal', declared: false, contingent: 'Contingent B', ...settled('2020-04-10T08:00:00.000Z', 'lifted') }),
  caveat('k3', '2020-04-01T08:00:00.000Z'),
  // Before the window, and after it.
  caveat('k0', '2019-12-31T23:59:59.999Z', { declared: false }),
  caveat('k4', '2020-06-01T08:00:00.000Z', { declared: false }),
];

describe('caveatSummary', () => {
  const window = { from: '2020-01-01T00:00:00.000Z', to: '2020-05-20T23:59:59.999Z', asOf: '2020-05-20T23:59:59.999Z' };

  it('counts the caveats raised in the window: declared or not, by kind, settled or open, by outcome and contingent', () => {
    expect(caveatSummary(docs, window)).toEqual({
      ...window,
      raised: 3,
      declared: 2,
      undeclared: 1,
      byKind: { refusal: 1, condition: 2 },
      settled: 2,
      open: 1,
      byOutcome: { lifted: 1, 'condition-met': 1, 'order-amended': 0, 'order-reassigned': 0 },
      byContingent: [
        { contingent: 'Contingent A', raised: 2, undeclared: 0 },
        { contingent: 'Contingent B', raised: 1, undeclared: 1 },
      ],
    });
  });

  it('as of an earlier day: later caveats are not yet raised, later settlements not yet made', () => {
    const summary = caveatSummary(docs, { ...window, asOf: '2020-03-31T23:59:59.999Z' });
    expect(summary).toMatchObject({ raised: 2, undeclared: 1, settled: 1, open: 1, byOutcome: { 'condition-met': 1, lifted: 0 } });
  });

  it('the letter: no undeclared caveat since the start of 2020', () => {
    const declaredOnly = docs.filter((d) => d.declared);
    expect(caveatSummary(declaredOnly, { from: '2020-01-01T00:00:00.000Z', asOf: '2020-05-20T23:59:59.999Z' }).undeclared).toBe(0);
  });

  it('no bounds: everything raised by asOf; empty: zeros', () => {
    expect(caveatSummary(docs, { asOf: '2030-01-01T00:00:00.000Z' }).raised).toBe(5);
    expect(caveatSummary([], { asOf: '2020-01-01T00:00:00.000Z' })).toMatchObject({ raised: 0, undeclared: 0, open: 0, byContingent: [] });
  });
});
