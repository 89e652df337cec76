import { DeciderSpecification } from '@poc/domain/testing';
import type { AlertReceived } from './alert.events';
import { alertDecider } from './alert.decider';
import { upcast } from '../event-schemas';
import type { AlertReceivedV1Data } from './alert-received.upcasters';

const now = '2020-03-05T10:00:00.000Z';
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
    threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-06T04:00:00.000Z' },
    intakeGrading: { reliability: 'F', credibility: 6 },
  },
};

/** The same report as schema v1 stored it, before intake grading. */
const { intakeGrading: _grading, ...v1Data } = received.data;
const receivedV1: AlertReceivedV1Data = { ...v1Data, caller: { phone: '+223 70 00 00 01' } };
/** What a decider folds for an AlertReceived stored as v1: read upcast to the current version. */
const receivedV1AsRead = (): AlertReceived => {
  const read = upcast({ id: 'e1', type: 'AlertReceived', schemaVersion: 1, streamId: 'alert-a1', streamVersion: 1, position: 1, occurredAt: received.occurredAt, recordedAt: received.occurredAt, data: receivedV1, metadata: { actor: 'op-1', role: 'operator', correlationId: 'c-1' } });
  return { type: 'AlertReceived', occurredAt: read.occurredAt, data: read.data as AlertReceived['data'] };
};

describe('alert decider', () => {
  describe('ReceiveAlert', () => {
    const receive = (receivedAt: string) =>
      ({
        type: 'ReceiveAlert',
        context,
        data: {
          alertId,
          channel: 'hotline',
          receivedAt,
          location: { lat: 14.15, lon: -3.62, precision: 2, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' },
          threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-06T04:00:00.000Z' },
        },
      }) as const;

    it('records a new alert with its H3 cell', () =>
      spec
        .given([])
        .when(receive('2020-03-05T09:30:00.000Z'))
        .then((events) => {
          expect(events).toHaveLength(1);
          expect(events[0]!.type).toBe('AlertReceived');
          expect((events[0] as AlertReceived).data.location.h3).toMatch(/^87[0-9a-f]{13}$/);
          expect(events[0]!.occurredAt).toBe('2020-03-05T09:30:00.000Z');
        }));

    it('records the intake grading the operator gives (Admiralty code), as schema v2 data', () =>
      spec
        .given([])
        .when({ ...receive(now), data: { ...receive(now).data, reliability: 'B', credibility: 3 } })
        .then((events) => {
          const [event] = events as AlertReceived[];
          expect(event!.data).toEqual({
            alertId,
            channel: 'hotline',
            receivedAt: now,
            location: expect.objectContaining({ lat: 14.15, lon: -3.62, h3: expect.any(String) }),
            threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-06T04:00:00.000Z' },
            intakeGrading: { reliability: 'B', credibility: 3 },
          });
        }));

    it('records an ungraded alert as F6, "cannot be judged", not as a missing grade', () =>
      spec
        .given([])
        .when(receive(now))
        .then((events) => expect((events[0] as AlertReceived).data.intakeGrading).toEqual({ reliability: 'F', credibility: 6 })));

    it('judges each part on its own: what the operator leaves out cannot be judged', () => {
      spec
        .given([])
        .when({ ...receive(now), data: { ...receive(now).data, reliability: 'A' } })
        .then((events) => expect((events[0] as AlertReceived).data.intakeGrading).toEqual({ reliability: 'A', credibility: 6 }));
      spec
        .given([])
        .when({ ...receive(now), data: { ...receive(now).data, credibility: 1 } })
        .then((events) => expect((events[0] as AlertReceived).data.intakeGrading).toEqual({ reliability: 'F', credibility: 1 }));
    });

    it.each([['G', undefined], [undefined, 0], [undefined, 7], [undefined, 2.5], ['b', undefined]])(
      'refuses a grading outside the Admiralty code (reliability %p, credibility %p)',
      (reliability, credibility) =>
        spec
          .given([])
          .when({
            ...receive(now),
            data: { ...receive(now).data, ...(reliability && { reliability: reliability as 'A' }), ...(credibility !== undefined && { credibility }) },
          })
          .thenThrows('invalid', reliability ? /reliability/ : /credibility/),
    );

    it('refuses an alert received twice, also when the first was stored as v1 (read upcast to the current version)', () =>
      spec
        .given([receivedV1AsRead()])
        .when(receive('2020-03-05T09:30:00.000Z'))
        .thenThrows('conflict', /already received/));

    it('accepts a time a little ahead of the server clock (skew)', () =>
      spec.given([]).when(receive('2020-03-05T10:02:00.000Z')).then((events) => expect(events).toHaveLength(1)));

    it('refuses a receivedAt far in the future', () =>
      spec.given([]).when(receive('2020-03-06T10:00:00.000Z')).thenThrows('invalid', /receivedAt.*future/));

    it('refuses to receive the same alert twice', () =>
      spec.given([received]).when(receive('2020-03-05T09:30:00.000Z')).thenThrows('conflict', /already received/));

    it('refuses a latitude out of range', () =>
      spec
        .given([])
        .when({ ...receive(now), data: { ...receive(now).data, location: { lat: 91, lon: 0 } } })
        .thenThrows('invalid', /lat/));
  });

  describe('TriageAlert', () => {
    const triage = { type: 'TriageAlert', context, data: { alertId, priority: 'flash', reliability: 'B', credibility: 2 } } as const;

    it('grades an alert whose AlertReceived was stored as v1 (read upcast to the current version)', () =>
      spec
        .given([receivedV1AsRead()])
        .when(triage)
        .then((events) => expect(events).toHaveLength(1)));

    it('grades an open alert', () =>
      spec
        .given([received])
        .when(triage)
        .then([
          {
            type: 'AlertTriaged',
            occurredAt: now,
            data: { alertId, priority: 'flash', reliability: 'B', credibility: 2, triagedAt: now },
          },
        ]));

    it('refuses an unknown alert', () => spec.given([]).when(triage).thenThrows('not-found'));

    it('refuses a closed alert', () =>
      spec
        .given([received, { type: 'AlertClosed', occurredAt: now, data: { alertId, outcome: 'unfounded', closedAt: now } }])
        .when(triage)
        .thenThrows('conflict', /closed/));
  });

  describe('CloseAlert', () => {
    const close = (closedAt?: string) =>
      ({ type: 'CloseAlert', context, data: { alertId, outcome: 'attack-prevented', ...(closedAt && { closedAt }) } }) as const;

    it('closes an open alert, at server time when none is given', () =>
      spec
        .given([received])
        .when(close())
        .then([{ type: 'AlertClosed', occurredAt: now, data: { alertId, outcome: 'attack-prevented', closedAt: now } }]));

    it('refuses to close a closed alert', () =>
      spec
        .given([received, { type: 'AlertClosed', occurredAt: now, data: { alertId, outcome: 'unfounded', closedAt: now } }])
        .when(close())
        .thenThrows('conflict', /already closed/));

    it('refuses a closing time before the alert was received', () =>
      spec.given([received]).when(close('2020-03-04T00:00:00.000Z')).thenThrows('invalid', /before/));

    it('refuses an unknown alert', () => spec.given([]).when(close()).thenThrows('not-found'));
  });

  describe('EraseCaller', () => {
    const sealed = { sealed: true, keyId: 'key-1', iv: 'aXY', tag: 'dGFn', ciphertext: 'Y2lwaGVy' } as const;
    const withCaller: AlertReceived = { ...received, data: { ...received.data, caller: sealed } };
    const erase = (keyId = 'key-1') => ({ type: 'EraseCaller', context, data: { alertId, keyId } }) as const;
    const erased = { type: 'CallerErased', occurredAt: now, data: { alertId, keyId: 'key-1', erasedAt: now } } as const;

    it('records the erasure of the caller sealed with that key', () =>
      spec.given([withCaller]).when(erase()).then([erased]));

    it('erases on a closed alert too: its caller is as exposed as an open one', () =>
      spec
        .given([withCaller, { type: 'AlertClosed', occurredAt: now, data: { alertId, outcome: 'unfounded', closedAt: now } }])
        .when(erase())
        .then([erased]));

    it('records nothing the second time, so a retried forget-caller is safe', () =>
      spec.given([withCaller, erased]).when(erase()).then([]));

    it('refuses another key than the one that sealed this alert\'s caller', () =>
      spec.given([withCaller]).when(erase('key-2')).thenThrows('invalid', /key-2/));

    it('refuses an alert without a sealed caller (none, or recorded before encryption)', () =>
      spec.given([receivedV1AsRead()]).when(erase()).thenThrows('invalid', /no caller sealed/));

    it('refuses an unknown alert', () => spec.given([]).when(erase()).thenThrows('not-found'));
  });
});
