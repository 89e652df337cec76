import { incidentsProjection, type IncidentView, presencesProjection, type PresenceView } from '@poc/projections';
import { EventLog, at, offsetKm, foldInBatches } from '@poc/projections/testing';
import { computeDeterrence } from './compute-deterrence';
import { OGOSSAGOU } from '@poc/deterrence/testing';

/**
 * Bitemporal: a correction or retraction recorded after `asOf` must not change what the
 * operations centre knew on `asOf`. A TOB at Ogossagou left 2020-03-03; an attack 6 km
 * away was reported for 03-06 (day 3), moved to 03-09 (day 6) on 03-25, retracted on 04-10.
 */
const log = new EventLog();
const place = { cercle: 'Bankass', region: 'Mopti' };
log.baseEstablished('b', { establishedAt: '2020-03-01T08:00:00.000Z', location: at(OGOSSAGOU, place) });
log.baseClosed('b', '2020-03-03T16:00:00.000Z');
log.incidentReported('i', { location: at(offsetKm(OGOSSAGOU, 90, 6), place) }, { occurredAt: '2020-03-06T10:00:00.000Z', recordedAt: '2020-03-07T09:00:00.000Z' });
log.incidentCorrected('i', { occurredAt: '2020-03-09T10:00:00.000Z' }, { occurredAt: '2020-03-09T10:00:00.000Z', recordedAt: '2020-03-25T09:00:00.000Z' });
const retraction = log.incidentRetracted('i', 'double report', '2020-04-10T09:00:00.000Z');
const events = log.events.map((e) => (e === retraction ? { ...e, recordedAt: '2020-04-10T09:00:00.000Z' } : e));

const models = foldInBatches([presencesProjection, incidentsProjection], events);
const episodes = [...(models.get('presences')!.values() as Iterable<PresenceView>)].flatMap((p) => p.episodes);
const incidents = [...(models.get('incidents')!.values() as Iterable<IncidentView>)];
const countsAsOf = (asOf: string) =>
  computeDeterrence({ episodes, incidents, asOf, filter: { kinds: ['base'] }, vicinities: [] }).perEpisode[0]!.days.map((d) => d.count);

describe('as of a date, corrections and retractions recorded later do not count', () => {
  it('given the first report only, day 3 holds the attack', () => expect(countsAsOf('2020-03-20T00:00:00.000Z')[2]).toBe(1));

  it('given the correction, the attack moves to day 6', () => {
    const counts = countsAsOf('2020-03-30T00:00:00.000Z');
    expect([counts[2], counts[5]]).toEqual([0, 1]);
  });

  it('given the retraction, it counts nowhere', () => expect(countsAsOf('2020-04-30T00:00:00.000Z').reduce((a, b) => a + b, 0)).toBe(0));
});
