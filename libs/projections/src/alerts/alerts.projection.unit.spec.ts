import { alertStreamId, upcast, type AlertLinkedToIncident, type StoredEvent } from '@poc/domain';
import { ProjectionSpecification, foldInBatches, EventLog, PLACES, at, area, sealedCaller } from '@poc/projections/testing';
import { alertsProjection, type AlertView } from './alerts.projection';

const spec = ProjectionSpecification.for(alertsProjection);

const receivedAt = '2020-03-01T05:40:00.000Z';
const recordedAt = '2020-03-01T05:42:10.000Z';
const location = at(PLACES.ogossagou, { place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' });
const caller = sealedCaller('sealed-name-and-phone-of-a-caller');

/** The alert as it stands after AlertReceived alone. */
const openView = (alertId: string): AlertView => ({
  alertId,
  status: 'open',
  channel: 'hotline',
  receivedAt,
  recordedAt,
  location,
  threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-01T18:00:00.000Z' },
  intakeGrading: { reliability: 'F', credibility: 6 },
  description: 'armed men seen near the village',
  hasCaller: false,
  responses: [],
});

const received = (log: EventLog, alertId = 'a1', extra: { caller?: typeof caller } = {}) =>
  log.alertReceived(
    alertId,
    {
      channel: 'hotline',
      receivedAt,
      location,
      threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-01T18:00:00.000Z' },
      description: 'armed men seen near the village',
      ...extra,
    },
    { recordedAt },
  );

describe('alerts projection', () => {
  describe('AlertReceived', () => {
    it('opens the alert with what was reported', () => {
      const log = new EventLog();
      spec.given([]).when(received(log)).then({ a1: openView('a1') });
    });

    it('keeps the caller out of the view: only hasCaller', () => {
      const log = new EventLog();
      spec
        .given([])
        .when(received(log, 'a1', { caller }))
        .then((docs) => {
          const view = docs.get('a1')!;
          expect(view).toEqual({ ...openView('a1'), hasCaller: true, callerStatus: 'protected' });
          expect(view).not.toHaveProperty('caller');
          const stored = JSON.stringify([view, alertsProjection.columnsOf(view)]);
          expect(stored).not.toContain(caller.ciphertext);
          expect(stored).not.toContain(caller.keyId);
        });
    });

    it('shows the caller as erased once the key is deleted, keeping the rest of the alert', () => {
      const log = new EventLog();
      spec
        .given([received(log, 'a1', { caller })])
        .when(log.callerErased('a1', { keyId: caller.keyId }))
        .then({ a1: { ...openView('a1'), hasCaller: true, callerStatus: 'erased' } });
    });

    it('shows a caller recorded in plain text before encryption as withheld, and never the plaintext', () => {
      const log = new EventLog();
      const v3 = received(log);
      const { intakeGrading: _g, ...v1Data } = v3.data;
      const storedV1: StoredEvent = { ...v3, schemaVersion: 1, data: { ...v1Data, caller: { name: 'Amadou Barry', phone: '+22376000000' } } };
      spec
        .given([])
        .when(upcast(storedV1))
        .then((docs) => {
          expect(docs.get('a1')).toEqual({ ...openView('a1'), hasCaller: true, callerStatus: 'withheld' });
          expect(JSON.stringify(docs.get('a1'))).not.toContain('22376000000');
        });
    });

    it('shows the intake grading the operator gave', () => {
      const log = new EventLog();
      spec
        .given([])
        .when(log.alertReceived('a1', { intakeGrading: { reliability: 'B', credibility: 3 } }))
        .then((docs) => expect(docs.get('a1')!.intakeGrading).toEqual({ reliability: 'B', credibility: 3 }));
    });

    it('shows an alert stored as v1 (before intake grading), read upcast, as F6 "cannot be judged"', () => {
      const log = new EventLog();
      const v2 = received(log);
      const { intakeGrading: _grading, ...v1Data } = v2.data;
      const storedV1: StoredEvent = { ...v2, schemaVersion: 1, data: v1Data };
      spec.given([]).when(upcast(storedV1)).then({ a1: openView('a1') });
    });

    it('leaves description out when none was given', () => {
      const log = new EventLog();
      spec
        .given([])
        .when(log.alertReceived('a1'))
        .then((docs) => expect(docs.get('a1')).not.toHaveProperty('description'));
    });

    it('has columns to filter on', () => {
      const log = new EventLog();
      spec
        .given([])
        .when(received(log))
        .thenColumns({
          a1: { status: 'open', received_at: receivedAt, priority: null, channel: 'hotline', cercle: 'Bankass', h3: location.h3, responded: 0, linked_incident: null },
        });
    });
  });

  describe('received → triaged → closed', () => {
    const triage = { priority: 'immediate' as const, reliability: 'B' as const, credibility: 2, triagedAt: '2020-03-01T06:00:00.000Z' };
    const closed = { outcome: 'attack-prevented' as const, closedAt: '2020-03-02T10:00:00.000Z' };

    it('triage sets the status and the grading, without repeating the id', () => {
      const log = new EventLog();
      const history = [received(log)];
      spec
        .given(history)
        .when(log.alertTriaged('a1', triage))
        .then({ a1: { ...openView('a1'), status: 'triaged', triage } });
    });

    it('closing keeps the triage and records the outcome', () => {
      const log = new EventLog();
      const history = [received(log), log.alertTriaged('a1', triage)];
      spec
        .given(history)
        .when(log.alertClosed('a1', closed))
        .then({ a1: { ...openView('a1'), status: 'closed', triage, closed } });
    });

    it('an alert may be closed without triage', () => {
      const log = new EventLog();
      spec
        .given([received(log)])
        .when(log.alertClosed('a1', { outcome: 'unfounded', closedAt: closed.closedAt }))
        .then({ a1: { ...openView('a1'), status: 'closed', closed: { outcome: 'unfounded', closedAt: closed.closedAt } } });
    });

    it('the priority column follows the triage', () => {
      const log = new EventLog();
      spec
        .given([received(log), log.alertTriaged('a1', triage)])
        .when(log.alertClosed('a1', closed))
        .thenColumns({
          a1: { status: 'closed', received_at: receivedAt, priority: 'immediate', channel: 'hotline', cercle: 'Bankass', h3: location.h3, responded: 0, linked_incident: null },
        });
    });
  });

  describe('responses', () => {
    const dispatchedAt = '2020-03-01T06:30:00.000Z';
    const startedAt = '2020-03-01T07:00:00.000Z';

    it('a flight dispatched for the alert is a response, after AlertReceived', () => {
      const log = new EventLog();
      spec
        .given([received(log)])
        .when(log.flightDispatched('f1', { dispatchedAt, alertIds: ['a1'] }))
        .then({ a1: { ...openView('a1'), responses: [{ kind: 'flight', id: 'f1', at: dispatchedAt }] } });
    });

    it('a response arriving before AlertReceived (another partition) is kept, without a status', () => {
      const log = new EventLog();
      spec
        .given([])
        .when(log.patrolDeployed('p1', { startedAt, alertIds: ['a1'] }))
        .then({ a1: { alertId: 'a1', responses: [{ kind: 'patrol', id: 'p1', at: startedAt }] } });
    });

    it('AlertReceived after its responses gives the same view as before them', () => {
      const log = new EventLog();
      const alert = received(log);
      const flight = log.flightDispatched('f1', { dispatchedAt, alertIds: ['a1'] });
      const patrol = log.patrolDeployed('p1', { startedAt, alertIds: ['a1'] });
      const expected: AlertView = {
        ...openView('a1'),
        responses: [
          { kind: 'flight', id: 'f1', at: dispatchedAt },
          { kind: 'patrol', id: 'p1', at: startedAt },
        ],
      };
      spec.given([flight, patrol]).when(alert).then({ a1: expected });
      spec.given([alert, patrol]).when(flight).then({ a1: expected });
      spec.given([patrol, alert]).when(flight).thenColumns({
        a1: { status: 'open', received_at: receivedAt, priority: null, channel: 'hotline', cercle: 'Bankass', h3: location.h3, responded: 1, linked_incident: null },
      });
    });

    it('a triage arriving after responses keeps them', () => {
      const log = new EventLog();
      const flight = log.flightDispatched('f1', { dispatchedAt, alertIds: ['a1'] });
      const history = [flight, received(log)];
      spec
        .given(history)
        .when(log.alertTriaged('a1', { priority: 'flash', triagedAt: dispatchedAt }))
        .then((docs) => {
          expect(docs.get('a1')?.status).toBe('triaged');
          expect(docs.get('a1')?.responses).toEqual([{ kind: 'flight', id: 'f1', at: dispatchedAt }]);
        });
    });

    it('one dispatch answering two alerts touches both', () => {
      const log = new EventLog();
      spec
        .given([received(log, 'a1')])
        .when(log.flightDispatched('f1', { dispatchedAt, alertIds: ['a1', 'a2'] }))
        .then({
          a1: { ...openView('a1'), responses: [{ kind: 'flight', id: 'f1', at: dispatchedAt }] },
          a2: { alertId: 'a2', responses: [{ kind: 'flight', id: 'f1', at: dispatchedAt }] },
        });
    });

    it('a dispatch answering no alert touches nothing', () => {
      const log = new EventLog();
      const flight = log.flightDispatched('f1', { alertIds: [] });
      expect(alertsProjection.keysOf(flight)).toEqual([]);
      spec.given([received(log)]).when(flight).then({});
    });

    it('responses are ordered by time, whatever their arrival order', () => {
      const log = new EventLog();
      const late = log.flightDispatched('f9', { dispatchedAt: '2020-03-01T09:00:00.000Z', alertIds: ['a1'] });
      const early = log.patrolDeployed('p5', { startedAt: '2020-03-01T06:10:00.000Z', alertIds: ['a1'] });
      spec
        .given([received(log), late])
        .when(early)
        .then((docs) => expect(docs.get('a1')!.responses.map((r) => r.id)).toEqual(['p5', 'f9']));
    });

    it('a redelivered response is not counted twice', () => {
      const log = new EventLog();
      const flight = log.flightDispatched('f1', { dispatchedAt, alertIds: ['a1'] });
      spec
        .given([received(log), flight])
        .when(flight)
        .then({ a1: { ...openView('a1'), responses: [{ kind: 'flight', id: 'f1', at: dispatchedAt }] } });
    });

    it('a flight and a patrol that share an id and a time are ordered the same in either arrival order', () => {
      const log = new EventLog();
      const flight = log.flightDispatched('r1', { dispatchedAt, target: area(PLACES.koro, 5), alertIds: ['a1'] });
      const patrol = log.patrolDeployed('r1', { startedAt: dispatchedAt, alertIds: ['a1'] });
      const one = foldInBatches([alertsProjection], [flight, patrol]).get('alerts')!.get('a1');
      const other = foldInBatches([alertsProjection], [patrol, flight]).get('alerts')!.get('a1');
      expect(one).toEqual(other);
      expect((one as AlertView).responses).toHaveLength(2);
    });
  });

  describe('linked to an incident', () => {
    const linkedAt = '2020-03-02T09:00:00.000Z';
    const link = (log: EventLog, alertId: string, incidentId: string) =>
      log.record<'AlertLinkedToIncident', AlertLinkedToIncident['data']>(alertStreamId(alertId), 'AlertLinkedToIncident', { alertId, incidentId, linkedAt }, { occurredAt: linkedAt });

    it('shows the incident the alert warned of, and keeps the rest of the alert', () => {
      const log = new EventLog();
      const history = [received(log), log.alertClosed('a1', { outcome: 'attack-occurred', closedAt: '2020-03-01T20:00:00.000Z' })];
      spec
        .given(history)
        .when(link(log, 'a1', 'i-ogossagou'))
        .then({
          a1: {
            ...openView('a1'),
            status: 'closed',
            closed: { outcome: 'attack-occurred', closedAt: '2020-03-01T20:00:00.000Z' },
            linkedIncident: { incidentId: 'i-ogossagou', linkedAt },
          },
        });
    });

    it('has the linked incident as a column, null until linked', () => {
      const log = new EventLog();
      spec
        .given([received(log)])
        .when(link(log, 'a1', 'i-ogossagou'))
        .thenColumns({ a1: { status: 'open', received_at: receivedAt, priority: null, channel: 'hotline', cercle: 'Bankass', h3: location.h3, responded: 0, linked_incident: 'i-ogossagou' } });
    });

    it('a link arriving with responses in any order gives the same view', () => {
      const log = new EventLog();
      const events = [received(log), link(log, 'a1', 'i1'), log.flightDispatched('f1', { alertIds: ['a1'], dispatchedAt: linkedAt })];
      const inOrder = foldInBatches([alertsProjection], events).get('alerts')!.get('a1');
      const flightFirst = foldInBatches([alertsProjection], [events[2]!, events[0]!, events[1]!]).get('alerts')!.get('a1');
      expect(flightFirst).toEqual(inOrder);
      expect(inOrder).toMatchObject({ linkedIncident: { incidentId: 'i1' }, responses: [{ kind: 'flight', id: 'f1' }] });
    });
  });
});
