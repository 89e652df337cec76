import { DeciderSpecification } from '@poc/domain/testing';
import type { AlertClosed, AlertLinkedToIncident, AlertReceived } from './alert.events';
import { alertDecider } from './alert.decider';

const now = '2020-03-07T10:00:00.000Z';
const context = { now };
const alertId = 'a1';
const spec = DeciderSpecification.for(alertDecider);

const received: AlertReceived = {
  type: 'AlertReceived',
  occurredAt: '2020-03-05T09:30:00.000Z',
  data: {
    alertId,
    channel: 'hotline',
    receivedAt: '2020-03-05T09:30:00.000Z',
    location: { lat: 14.15, lon: -3.62, precision: 2, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti', h3: '8755a2c5affffff' },
    threat: { kind: 'attack-on-civilians' },
    intakeGrading: { reliability: 'F', credibility: 6 },
  },
};
const closed: AlertClosed = { type: 'AlertClosed', occurredAt: now, data: { alertId, outcome: 'attack-occurred', closedAt: now } };
const link = (incidentId = 'i-ogossagou') => ({ type: 'LinkAlertToIncident', context, data: { alertId, incidentId } }) as const;
const linked: AlertLinkedToIncident = {
  type: 'AlertLinkedToIncident',
  occurredAt: now,
  data: { alertId, incidentId: 'i-ogossagou', linkedAt: now },
};

describe('alert decider: LinkAlertToIncident', () => {
  it('links an open alert to the incident it warned of, at server time', () => spec.given([received]).when(link()).then([linked]));

  it('links a closed alert too: the report usually comes after the closing', () =>
    spec.given([received, closed]).when(link()).then([linked]));

  it('records nothing when linked again to the same incident (a retry is safe)', () =>
    spec.given([received, linked]).when(link()).then([]));

  it('refuses another incident once linked: which warning came true does not change silently', () =>
    spec.given([received, linked]).when(link('i-other')).thenThrows('conflict', /already linked to incident i-ogossagou/));

  it('refuses an unknown alert', () => spec.given([]).when(link()).thenThrows('not-found', /alert a1/));
});
