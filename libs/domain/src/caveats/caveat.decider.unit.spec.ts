import { DeciderSpecification } from '@poc/domain/testing';
import type { CaveatRaised, CaveatSettled } from './caveat.events';
import { caveatDecider, caveatStreamId } from './caveat.decider';

const now = '2020-05-20T12:00:00.000Z';
const context = { now };
const caveatId = 'k1';
const spec = DeciderSpecification.for(caveatDecider);
const raisedAt = '2020-03-02T08:00:00.000Z';
const settledAt = '2020-03-04T18:00:00.000Z';

// The letter's example: a convoy-escort company will not take a new supply route without night air surveillance.
const raisedData: CaveatRaised['data'] = {
  caveatId,
  contingent: 'Contingent A',
  unit: 'Convoy escort company 2',
  kind: 'condition',
  declared: true,
  order: 'FRAGO 12/2020: open the Sévaré–Douentza supply route',
  condition: 'night air surveillance of the route',
  raisedAt,
};
const raise = (changes: Partial<CaveatRaised['data']> = {}) => ({ type: 'RaiseCaveat', context, data: { ...raisedData, ...changes } }) as const;
const settledData: CaveatSettled['data'] = { caveatId, settledAt, outcome: 'condition-met', settlement: 'a UAV flight each night of the move' };
const settle = (changes: Partial<CaveatSettled['data']> = {}) => ({ type: 'SettleCaveat', context, data: { ...settledData, ...changes } }) as const;

const raised: CaveatRaised = { type: 'CaveatRaised', occurredAt: raisedAt, data: raisedData };
const settled: CaveatSettled = { type: 'CaveatSettled', occurredAt: settledAt, data: settledData };

describe('caveat decider', () => {
  it('names its stream caveat-<id>', () => expect(caveatStreamId(caveatId)).toBe('caveat-k1'));

  describe('RaiseCaveat', () => {
    it('records a condition set on an order', () => spec.given([]).when(raise()).then([raised]));

    it('records an undeclared refusal without a unit', () => {
      const { unit: _unit, ...withoutUnit } = raisedData;
      spec.given([]).when({ type: 'RaiseCaveat', context, data: { ...withoutUnit, kind: 'refusal', declared: false } }).then([{ ...raised, data: { ...withoutUnit, kind: 'refusal', declared: false } }]);
    });

    it('refuses to record one twice', () => spec.given([raised]).when(raise()).thenThrows('conflict', /already recorded/));

    it('needs to know whether it was declared', () => spec.given([]).when(raise({ declared: undefined as never })).thenThrows('invalid', /declared/));

    it('refuses an unknown kind', () => spec.given([]).when(raise({ kind: 'delay' as never })).thenThrows('invalid', /kind must be one of/));

    it.each(['contingent', 'order', 'condition'] as const)('refuses an empty %s', (field) =>
      spec.given([]).when(raise({ [field]: ' ' })).thenThrows('invalid', new RegExp(`${field} must not be empty`)));

    it('refuses a time in the future', () => spec.given([]).when(raise({ raisedAt: '2020-05-21T00:00:00.000Z' })).thenThrows('invalid', /raisedAt.*future/));
  });

  describe('SettleCaveat', () => {
    it('records how it was settled', () => spec.given([raised]).when(settle()).then([settled]));

    it('refuses an unknown caveat', () => spec.given([]).when(settle()).thenThrows('not-found', /caveat k1/));

    it('settles once', () => spec.given([raised, settled]).when(settle()).thenThrows('conflict', /already settled/));

    it('refuses an unknown outcome or an empty settlement', () => {
      spec.given([raised]).when(settle({ outcome: 'ignored' as never })).thenThrows('invalid', /outcome/);
      spec.given([raised]).when(settle({ settlement: '' })).thenThrows('invalid', /settlement/);
    });

    it('refuses a settlement before the caveat, or in the future', () => {
      spec.given([raised]).when(settle({ settledAt: '2020-03-01T00:00:00.000Z' })).thenThrows('invalid', /settledAt.*before the caveat was raised/);
      spec.given([raised]).when(settle({ settledAt: '2020-05-21T00:00:00.000Z' })).thenThrows('invalid', /settledAt.*future/);
    });
  });
});
