import { DeciderSpecification } from '@poc/domain/testing';
import type { ReturnAssisted } from './returns.events';
import { returnDecider, returnStreamId } from './return.decider';

const context = { now: '2020-05-20T12:00:00.000Z' };
const spec = DeciderSpecification.for(returnDecider);
// The letter: 3,120 displaced people helped back to Femaye commune, Djenné cercle.
const femaye = { returnId: 'r1', commune: 'Femaye', cercle: 'Djenné', region: 'Mopti', people: 3120, returnedAt: '2020-04-15T08:00:00.000Z' };
const record = (data: Partial<typeof femaye> = {}) => ({ type: 'RecordReturn', context, data: { ...femaye, ...data } }) as const;
const assisted: ReturnAssisted = { type: 'ReturnAssisted', occurredAt: femaye.returnedAt, data: femaye };

describe('return decider', () => {
  it('names its stream return-<id>', () => expect(returnStreamId('r1')).toBe('return-r1'));
  it('records a return', () => spec.given([]).when(record()).then([assisted]));
  it('refuses to record one return twice', () => spec.given([assisted]).when(record()).thenThrows('conflict', /already recorded/));
  it.each([0, -5, 2.5])('refuses %p people', (people) => spec.given([]).when(record({ people })).thenThrows('invalid', /people must be a whole number ≥ 1/));
  it('refuses a return in the future', () => spec.given([]).when(record({ returnedAt: '2020-05-21T00:00:00.000Z' })).thenThrows('invalid', /returnedAt.*future/));
  it.each(['commune', 'cercle', 'region'] as const)('refuses a blank %s', (field) => spec.given([]).when(record({ [field]: '  ' })).thenThrows('invalid', new RegExp(`${field} must name`)));
});
