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
  recordedAt: raisedAt,
  status: 'open',
  ...changes,
});
const settled = (settledAt: string, outcome: 'lifted' | 'condition-met' = 'condition-met', recordedAt = settledAt) => ({
  status: 'settled' as const,
  settled: { settledAt, outcome, settlement: 'done', recordedAt },
});

const docs = [
  caveat('k1', '2020-02-01T08:00:00.000Z', settled('2020-02-03T08:00:00.000Z')),
  caveat('k2', '2020-03-01T08:00:00.000Z', { kind: 'refusal', declared: false, contingent: 'Contingent B', ...settled('2020-04-10T08:00:00.000Z', 'lifted') }),
  caveat('k3', '2020-04-01T08:00:00.000Z'),
  // Before the period, and after it.
  caveat('k0', '2019-12-31T23:59:59.999Z', { declared: false }),
  caveat('k4', '2020-06-01T08:00:00.000Z', { declared: false }),
];

const period = { from: '2020-01-01T00:00:00.000Z', to: '2020-05-20T23:59:59.999Z' };

describe('caveatSummary', () => {
  it('counts the caveats raised in the period: declared or not, by kind, settled or open, by outcome and contingent', () => {
    expect(caveatSummary(docs, period)).toEqual({
      ...period,
      asOf: null,
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

  it('settled by the end of the period, or still open then', () => {
    const summary = caveatSummary(docs, { ...period, to: '2020-03-31T23:59:59.999Z' });
    expect(summary).toMatchObject({ raised: 2, undeclared: 1, settled: 1, open: 1, byOutcome: { 'condition-met': 1, lifted: 0 } });
  });

  it('asOf: a caveat or settlement recorded after it is not known yet', () => {
    const lateRecords = [caveat('k5', '2020-03-01T08:00:00.000Z', { recordedAt: '2020-06-10T00:00:00.000Z' }), caveat('k6', '2020-03-01T08:00:00.000Z', settled('2020-03-02T08:00:00.000Z', 'lifted', '2020-06-10T00:00:00.000Z'))];
    expect(caveatSummary(lateRecords, { ...period, asOf: '2020-06-01T00:00:00.000Z' })).toMatchObject({ raised: 1, settled: 0, open: 1, asOf: '2020-06-01T00:00:00.000Z' });
    expect(caveatSummary(lateRecords, period)).toMatchObject({ raised: 2, settled: 1 });
  });

  it('the letter: no undeclared caveat since the start of 2020', () => {
    const declaredOnly = docs.filter((d) => d.declared);
    expect(caveatSummary(declaredOnly, { from: '2020-01-01T00:00:00.000Z' }).undeclared).toBe(0);
  });

  it('no bounds: everything; nothing: zeros', () => {
    expect(caveatSummary(docs, {}).raised).toBe(5);
    expect(caveatSummary([], {})).toMatchObject({ raised: 0, undeclared: 0, open: 0, byContingent: [] });
  });
});
