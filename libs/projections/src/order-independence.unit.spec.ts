import fc from 'fast-check';
import { alertStreamId, type AlertLinkedToIncident, type StoredEvent, type TobActivityRecorded } from '@poc/domain';
import { ALL_PROJECTIONS } from './all-projections';
import { EventLog, PLACES, area, at, sealedCaller, type IncidentChanges, foldInBatches } from '@poc/projections/testing';

/**
 * DESIGN.md, "From store to read models": streams on different partitions arrive in any
 * order, so every projection must give the same documents for any interleaving that keeps
 * each stream's own order, however the consumer cuts it into batches.
 */

// Few distinct times, so responses to an alert often tie on time and the tie-break matters.
const TIMES = ['2020-03-01T06:00:00.000Z', '2020-03-01T07:00:00.000Z', '2020-03-02T06:00:00.000Z'];
const LOCATIONS = [at(PLACES.ogossagou), at(PLACES.bankass, { precision: 2, cercle: 'Bankass' }), at(PLACES.koro, { precision: 3 })];

const time = fc.constantFrom(...TIMES);
const stop = fc.record({
  location: fc.constantFrom(...LOCATIONS),
  arrivedAt: time,
  departedAt: time,
  overnight: fc.boolean(),
});

const alertArb = fc.record({
  caller: fc.constantFrom('none', 'sealed', 'erased'),
  triage: fc.option(fc.constantFrom('flash', 'immediate', 'routine') as fc.Arbitrary<'flash' | 'immediate' | 'routine'>, { nil: undefined }),
  closed: fc.option(fc.constantFrom('attack-prevented', 'attack-occurred', 'unfounded') as fc.Arbitrary<'attack-prevented' | 'attack-occurred' | 'unfounded'>, {
    nil: undefined,
  }),
  // Linked to the incident it warned of (i0, whose own stream may come later or never).
  linked: fc.boolean(),
});
// Indices into the alerts; one past the end is an alert whose own stream never shows up.
const alertRefs = fc.uniqueArray(fc.nat(4), { maxLength: 3 });
const flightArb = fc.record({
  alertRefs,
  at: time,
  passes: fc.nat(2),
  end: fc.constantFrom('open', 'completed', 'aborted'),
});
const patrolArb = fc.record({
  alertRefs,
  at: time,
  deployStops: fc.array(stop, { maxLength: 2 }),
  completion: fc.option(fc.array(stop, { maxLength: 2 }), { nil: undefined }),
});
const changesArb: fc.Arbitrary<IncidentChanges> = fc.record(
  { occurredAt: time, location: fc.constantFrom(...LOCATIONS), fatalities: fc.nat(5), kind: fc.constantFrom('attack-on-civilians', 'abduction') },
  { requiredKeys: [] },
);
const incidentArb = fc.record({ at: time, corrections: fc.array(changesArb, { maxLength: 3 }), retracted: fc.boolean() });
const baseArb = fc.record({ closed: fc.boolean(), trigger: fc.boolean(), activities: fc.nat(2) });
const iedArb = fc.constantFrom('detected', 'neutralized', 'detonated');

const historyArb = fc.record({
  alerts: fc.array(alertArb, { minLength: 1, maxLength: 4 }),
  flights: fc.array(flightArb, { maxLength: 3 }),
  patrols: fc.array(patrolArb, { maxLength: 3 }),
  incidents: fc.array(incidentArb, { maxLength: 3 }),
  bases: fc.array(baseArb, { maxLength: 2 }),
  ieds: fc.array(iedArb, { maxLength: 2 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer H> ? H : never;

/** The store's order: positions as an event log would number them. */
const record = (history: History): StoredEvent[] => {
  const log = new EventLog();
  const alertId = (i: number) => `a${i}`;
  const ids = (refs: number[]) => refs.map((i) => alertId(Math.min(i, history.alerts.length)));
  history.alerts.forEach((a, i) => {
    log.alertReceived(alertId(i), { receivedAt: TIMES[0], ...(a.caller !== 'none' && { caller: sealedCaller('+22376000000', `key-a${i}`) }) });
    if (a.caller === 'erased') log.callerErased(alertId(i), { keyId: `key-a${i}`, erasedAt: TIMES[3] });
    if (a.triage) log.alertTriaged(alertId(i), { priority: a.triage, triagedAt: TIMES[1] });
    if (a.closed) log.alertClosed(alertId(i), { outcome: a.closed, closedAt: TIMES[2] });
    if (a.linked) {
      const data: AlertLinkedToIncident['data'] = { alertId: alertId(i), incidentId: 'i0', linkedAt: TIMES[2] };
      log.record(alertStreamId(alertId(i)), 'AlertLinkedToIncident', data, { occurredAt: TIMES[2] });
    }
  });
  // Flights and patrols draw their ids from one pool: clients name them, and names may coincide.
  history.flights.forEach((f, i) => {
    const id = `r${i}`;
    log.flightDispatched(id, { dispatchedAt: f.at, alertIds: ids(f.alertRefs), target: area(PLACES.koro, 5) });
    for (let k = 0; k < f.passes; k++) log.deterrentPassFlown(id, TIMES[k], TIMES[k + 1]);
    if (f.end === 'completed') log.flightCompleted(id, { completedAt: TIMES[2], outcome: 'nothing-observed' });
    if (f.end === 'aborted') log.flightAborted(id, TIMES[2]);
  });
  history.patrols.forEach((p, i) => {
    const id = `r${i}`;
    log.patrolDeployed(id, { startedAt: p.at, alertIds: ids(p.alertRefs), stops: p.deployStops });
    if (p.completion) log.patrolCompleted(id, { endedAt: TIMES[2], stops: p.completion });
  });
  history.incidents.forEach((inc, i) => {
    const id = `i${i}`;
    log.incidentReported(id, { location: LOCATIONS[i % LOCATIONS.length], fatalities: i }, { occurredAt: inc.at });
    for (const changes of inc.corrections) log.incidentCorrected(id, changes);
    if (inc.retracted) log.incidentRetracted(id, 'duplicate', TIMES[2]);
  });
  history.bases.forEach((b, i) => {
    log.baseEstablished(`b${i}`, { location: LOCATIONS[i], ...(b.trigger && { triggerIncidentId: 'i0' }) });
    for (let k = 0; k < b.activities; k++) {
      const data: TobActivityRecorded['data'] = { baseId: `b${i}`, kind: 'mediation-mission', date: TIMES[k], cercle: 'Koro' };
      log.record(`base-b${i}`, 'TobActivityRecorded', data, { occurredAt: TIMES[k] });
    }
    if (b.closed) log.baseClosed(`b${i}`, TIMES[2]);
  });
  history.ieds.forEach((status, i) => {
    log.iedDetected(`x${i}`);
    if (status === 'neutralized') log.iedNeutralized(`x${i}`, TIMES[1]);
    if (status === 'detonated') log.iedDetonated(`x${i}`, TIMES[1], i);
  });
  return log.events;
};

/** Merges the streams' queues, `picks` choosing which non-empty queue gives the next event. */
const interleave = (events: readonly StoredEvent[], picks: readonly number[]): StoredEvent[] => {
  const queues = new Map<string, StoredEvent[]>();
  for (const e of events) queues.set(e.streamId, [...(queues.get(e.streamId) ?? []), e]);
  const merged: StoredEvent[] = [];
  for (let i = 0; merged.length < events.length; i++) {
    const open = [...queues.values()].filter((q) => q.length > 0);
    merged.push(open[(picks[i] ?? 0) % open.length].shift()!);
  }
  return merged;
};

const byStream = (events: readonly StoredEvent[]) => {
  const streams = new Map<string, number[]>();
  for (const e of events) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e.streamVersion]);
  return streams;
};

const asObjects = (models: Map<string, Map<string, unknown>>) =>
  Object.fromEntries([...models].map(([name, docs]) => [name, Object.fromEntries([...docs].sort(([a], [b]) => a.localeCompare(b)))]));

describe('order independence of the projections', () => {
  it('interleave keeps every stream in order and loses nothing', () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.nat(), { maxLength: 80 }), (history, picks) => {
        const events = record(history);
        const shuffled = interleave(events, picks);
        expect([...shuffled].sort((a, b) => a.position - b.position)).toEqual(events);
        expect(byStream(shuffled)).toEqual(byStream(events));
      }),
      { numRuns: 100 },
    );
  });

  it('any interleaving that keeps each stream in order, in batches of any size, gives the documents of the store order', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.array(fc.nat(), { maxLength: 80 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 40 }),
        (history, picks, batchSizes) => {
          const events = record(history);
          const canonical = asObjects(foldInBatches(ALL_PROJECTIONS, events));
          const shuffled = asObjects(foldInBatches(ALL_PROJECTIONS, interleave(events, picks), batchSizes));
          for (const projection of ALL_PROJECTIONS) {
            expect(shuffled[projection.name]).toStrictEqual(canonical[projection.name]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the generated histories do exercise responses that run ahead of their alert', () => {
    // Guards the generator itself: without such cases the property above would prove little.
    const log = new EventLog();
    log.alertReceived('a0');
    log.flightDispatched('r0', { alertIds: ['a0'] });
    const flightFirst = interleave(log.events, [1, 0]);
    expect(flightFirst.map((e) => e.type)).toEqual(['FlightDispatched', 'AlertReceived']);
    const docs = foldInBatches(ALL_PROJECTIONS, flightFirst).get('alerts')!;
    expect(docs.get('a0')).toMatchObject({ status: 'open', responses: [{ kind: 'flight', id: 'r0' }] });
  });
});
