import { EventLog, PLACES, area, at, ProjectionSpecification } from '@poc/projections/testing';
import { presencesProjection, type PresenceView } from './presences.projection';

const spec = ProjectionSpecification.for(presencesProjection);

const startedAt = '2020-03-01T06:00:00.000Z';
const endedAt = '2020-03-03T15:00:00.000Z';
const patrolArea = area(PLACES.ogossagou, 15);
const koro = at(PLACES.koro, { cercle: 'Koro', region: 'Mopti' });
const bankass = at(PLACES.bankass, { cercle: 'Bankass', region: 'Mopti' });
const stops = [
  { location: koro, arrivedAt: '2020-03-01T12:00:00.000Z', departedAt: '2020-03-02T07:00:00.000Z', overnight: true },
  { location: bankass, arrivedAt: '2020-03-02T12:00:00.000Z', departedAt: '2020-03-03T07:00:00.000Z', overnight: true },
];
const labels = { operation: 'Buffalo', unit: 'BANBAT-1' };

const deploy = (log: EventLog, withStops = false) =>
  log.patrolDeployed('p1', { ...labels, startedAt, area: patrolArea, stops: withStops ? stops : [] });

const stopEpisodes = [
  { episodeId: 'patrol-p1-0', kind: 'patrol-stop', sourceId: 'p1', point: PLACES.koro, h3: koro.h3, cercle: 'Koro', region: 'Mopti', arrivedAt: stops[0].arrivedAt, departedAt: stops[0].departedAt, ...labels },
  { episodeId: 'patrol-p1-1', kind: 'patrol-stop', sourceId: 'p1', point: PLACES.bankass, h3: bankass.h3, cercle: 'Bankass', region: 'Mopti', arrivedAt: stops[1].arrivedAt, departedAt: stops[1].departedAt, ...labels },
] as const;
const areaEpisode = { episodeId: 'patrol-p1-area', kind: 'patrol-area', sourceId: 'p1', point: { lat: patrolArea.lat, lon: patrolArea.lon }, h3: patrolArea.h3, arrivedAt: startedAt, ...labels } as const;

describe('presences projection', () => {
  describe('patrols', () => {
    it('PatrolDeployed with stops: an episode per stop, with the operation and unit', () => {
      const log = new EventLog();
      spec.given([]).when(deploy(log, true)).then({ 'patrol-p1': { source: 'patrol', sourceId: 'p1', status: 'under-way', ...labels, episodes: [...stopEpisodes] } });
    });

    it('PatrolDeployed without stops: one episode at the area centre, under way', () => {
      const log = new EventLog();
      spec.given([]).when(deploy(log)).then({ 'patrol-p1': { source: 'patrol', sourceId: 'p1', status: 'under-way', ...labels, episodes: [areaEpisode] } });
    });

    it('PatrolCompleted without stops: the area centre episode departs at completion', () => {
      const log = new EventLog();
      spec
        .given([deploy(log)])
        .when(log.patrolCompleted('p1', { endedAt }))
        .then({ 'patrol-p1': { source: 'patrol', sourceId: 'p1', status: 'ended', ...labels, episodes: [{ ...areaEpisode, departedAt: endedAt }] } });
    });

    it('PatrolCompleted with the stops: they replace the area centre and keep the operation and unit', () => {
      const log = new EventLog();
      spec
        .given([deploy(log)])
        .when(log.patrolCompleted('p1', { endedAt, stops }))
        .then({ 'patrol-p1': { source: 'patrol', sourceId: 'p1', status: 'ended', ...labels, episodes: [...stopEpisodes] } });
    });

    it('a completion of an unknown patrol creates nothing', () => {
      const log = new EventLog();
      spec.given([]).when(log.patrolCompleted('p9', { endedAt })).then({ 'patrol-p9': undefined });
    });

    it('columns: first arrival, last departure (null while under way), operation, unit, first cercle and cell', () => {
      const log = new EventLog();
      spec
        .given([deploy(log)])
        .when(log.patrolCompleted('p1', { endedAt, stops }))
        .thenColumns({
          'patrol-p1': {
            source: 'patrol',
            status: 'ended',
            operation: 'Buffalo',
            unit: 'BANBAT-1',
            cercle: 'Koro',
            arrival: stops[0].arrivedAt,
            departure: stops[1].departedAt,
            h3: koro.h3,
            episodes: 2,
          },
        });
      spec.given([]).when(deploy(new EventLog())).thenColumns({ 'patrol-p1': expect.objectContaining({ arrival: startedAt, departure: null, cercle: null }) });
    });
  });

  describe('bases', () => {
    const establish = (log: EventLog) =>
      log.baseEstablished('b1', { establishedAt: '2020-03-24T10:00:00.000Z', location: bankass, triggerIncidentId: 'attack' });
    const baseEpisode = { episodeId: 'base-b1', kind: 'base', sourceId: 'b1', point: PLACES.bankass, h3: bankass.h3, cercle: 'Bankass', region: 'Mopti', arrivedAt: '2020-03-24T10:00:00.000Z', triggerIncidentId: 'attack' } as const;

    it('OperatingBaseEstablished: an open episode (no departure) with its trigger', () => {
      const log = new EventLog();
      spec.given([]).when(establish(log)).then({ 'base-b1': { source: 'base', sourceId: 'b1', status: 'under-way', episodes: [baseEpisode] } });
    });

    it('OperatingBaseClosed: the episode departs at closure', () => {
      const log = new EventLog();
      spec
        .given([establish(log)])
        .when(log.baseClosed('b1', '2020-04-30T12:00:00.000Z'))
        .then({ 'base-b1': { source: 'base', sourceId: 'b1', status: 'ended', episodes: [{ ...baseEpisode, departedAt: '2020-04-30T12:00:00.000Z' }] } });
    });
  });

  describe('flights', () => {
    const target = area(PLACES.koro, 5);
    const pass = (i: number, from: string, to: string) => ({ episodeId: `flight-f1-${i}`, kind: 'flight-pass' as const, sourceId: 'f1', point: { lat: target.lat, lon: target.lon }, h3: target.h3, arrivedAt: from, departedAt: to, unit: 'AVN-1' });

    it('each DeterrentPassFlown is an episode at the target, over target from..to', () => {
      const log = new EventLog();
      const dispatched = log.flightDispatched('f1', { unit: 'AVN-1', target });
      spec
        .given([dispatched])
        .when([log.deterrentPassFlown('f1', '2020-03-01T06:10:00.000Z', '2020-03-01T06:40:00.000Z', target), log.deterrentPassFlown('f1', '2020-03-01T07:00:00.000Z', '2020-03-01T07:20:00.000Z', target)])
        .then({
          'flight-f1': {
            source: 'flight',
            sourceId: 'f1',
            status: 'under-way',
            unit: 'AVN-1',
            episodes: [pass(0, '2020-03-01T06:10:00.000Z', '2020-03-01T06:40:00.000Z'), pass(1, '2020-03-01T07:00:00.000Z', '2020-03-01T07:20:00.000Z')],
          },
        });
    });

    it('a flight aborted after a pass keeps the pass: that presence counts', () => {
      const log = new EventLog();
      const history = [log.flightDispatched('f1', { unit: 'AVN-1', target }), log.deterrentPassFlown('f1', '2020-03-01T06:10:00.000Z', '2020-03-01T06:40:00.000Z', target)];
      spec
        .given(history)
        .when(log.flightAborted('f1', '2020-03-01T08:00:00.000Z'))
        .then((docs) => {
          const doc = docs.get('flight-f1') as PresenceView;
          expect(doc.status).toBe('ended');
          expect(doc.episodes).toHaveLength(1);
        });
    });

    it('a patrol and a flight with the same id are two documents', () => {
      const log = new EventLog();
      spec
        .given([log.flightDispatched('r0', { target })])
        .when(log.patrolDeployed('r0', { startedAt, area: patrolArea }))
        .then((docs) => expect([...docs.keys()].sort()).toEqual(['flight-r0', 'patrol-r0']));
    });
  });
});
