import { DeciderSpecification } from '@poc/domain/testing';
import { toLocation } from '../shared/location';
import type { OperatingBaseClosed, OperatingBaseEstablished } from './base.events';
import { baseDecider, baseStreamId } from './base.decider';

const now = '2020-03-20T12:00:00.000Z';
const context = { now };
const baseId = 'b1';
const spec = DeciderSpecification.for(baseDecider);
const establishedAt = '2020-03-01T08:00:00.000Z';
const closedAt = '2020-03-15T17:00:00.000Z';
// A TOB set up at Ogossagou after the attack reported as incident i-ogossagou.
const ogossagou = { lat: 14.15, lon: -3.62, precision: 2, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' };

const establish = (at = establishedAt) =>
  ({
    type: 'EstablishBase',
    context,
    data: { baseId, establishedAt: at, location: ogossagou, triggerIncidentId: 'i-ogossagou', name: 'TOB Ogossagou' },
  }) as const;
const close = (at = closedAt) => ({ type: 'CloseBase', context, data: { baseId, closedAt: at } }) as const;

const established: OperatingBaseEstablished = {
  type: 'OperatingBaseEstablished',
  occurredAt: establishedAt,
  data: { baseId, establishedAt, location: toLocation(ogossagou), triggerIncidentId: 'i-ogossagou', name: 'TOB Ogossagou' },
};
const closed: OperatingBaseClosed = { type: 'OperatingBaseClosed', occurredAt: closedAt, data: { baseId, closedAt } };

describe('base decider', () => {
  it('names its stream base-<id>', () => expect(baseStreamId(baseId)).toBe('base-b1'));

  describe('EstablishBase', () => {
    it('records a base with its location, H3 cell and triggering incident', () =>
      spec.given([]).when(establish()).then([established]));

    it('records a base without trigger or name', () =>
      spec
        .given([])
        .when({ type: 'EstablishBase', context, data: { baseId, establishedAt, location: ogossagou } })
        .then([{ ...established, data: { baseId, establishedAt, location: toLocation(ogossagou) } }]));

    it('refuses to establish twice', () =>
      spec.given([established]).when(establish()).thenThrows('conflict', /already established/));

    it('refuses an establishment in the future', () =>
      spec.given([]).when(establish('2020-03-21T00:00:00.000Z')).thenThrows('invalid', /establishedAt.*future/));
  });

  describe('CloseBase', () => {
    it('closes an established base', () => spec.given([established]).when(close()).then([closed]));

    it('refuses an unknown base', () => spec.given([]).when(close()).thenThrows('not-found', /base b1/));

    it('refuses to close twice', () =>
      spec.given([established, closed]).when(close()).thenThrows('conflict', /already closed/));

    it('refuses a closing before the establishment', () =>
      spec
        .given([established])
        .when(close('2020-02-28T00:00:00.000Z'))
        .thenThrows('invalid', /closedAt.*before the base was established/));

    it('refuses a closing in the future', () =>
      spec.given([established]).when(close('2020-03-25T00:00:00.000Z')).thenThrows('invalid', /closedAt.*future/));
  });
});
