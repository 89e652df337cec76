import { incidentsProjection, type IncidentView, presencesProjection, type PresenceView } from '@poc/projections';
import { EventLog, at, offsetKm, foldInBatches } from '@poc/projections/testing';
import { computeDeterrence, type DeterrenceResult } from './compute-deterrence';
import { METHODOLOGY_VERSION } from './methodology';
import { OGOSSAGOU } from '@poc/deterrence/testing';

/**
 * DOMAIN.md's worked case, number for number: an episode at Ogossagou (14.15, −3.62) arrived
 * 2020-03-01 and left 2020-03-03, triggered by an attack 2 km away on 2020-02-14. Built from
 * events through the presences and incidents projections, as the read side would.
 */
const log = new EventLog();
const place = { cercle: 'Bankass', region: 'Mopti' };
log.incidentReported('trigger', { location: at(offsetKm(OGOSSAGOU, 200, 2), place) }, { occurredAt: '2020-02-14T05:00:00.000Z' });
log.baseEstablished('ogossagou', { establishedAt: '2020-03-01T08:00:00.000Z', location: at(OGOSSAGOU, place), triggerIncidentId: 'trigger' });
log.baseClosed('ogossagou', '2020-03-03T16:00:00.000Z');
log.incidentReported('six-km', { location: at(offsetKm(OGOSSAGOU, 90, 6), place) }, { occurredAt: '2020-03-06T10:00:00.000Z', recordedAt: '2020-03-20T09:00:00.000Z' });
log.incidentReported('twelve-km', { location: at(offsetKm(OGOSSAGOU, 0, 12), place) }, { occurredAt: '2020-03-08T10:00:00.000Z' });
// The second episode: a patrol halting 5 km away from 2020-03-11.
const secondStop = { location: at(offsetKm(OGOSSAGOU, 270, 5), place), arrivedAt: '2020-03-11T17:00:00.000Z', departedAt: '2020-03-12T07:00:00.000Z', overnight: true };
log.patrolDeployed('p2', { startedAt: '2020-03-11T06:00:00.000Z', stops: [secondStop] });
log.patrolCompleted('p2', { endedAt: '2020-03-12T10:00:00.000Z' });

const models = foldInBatches([presencesProjection, incidentsProjection], log.events);
const episodes = [...(models.get('presences')!.values() as Iterable<PresenceView>)].flatMap((p) => p.episodes);
const incidents = [...(models.get('incidents')!.values() as Iterable<IncidentView>)];

const asOf = (when: string, triggerKnown = true): DeterrenceResult =>
  computeDeterrence({
    episodes: triggerKnown ? episodes : episodes.map(({ triggerIncidentId: _, ...e }) => e),
    incidents,
    asOf: when,
    filter: { kinds: ['base'] },
  });

describe('the worked case of DOMAIN.md', () => {
  const later = asOf('2020-04-30T00:00:00.000Z');
  const first = later.perEpisode[0];

  it('given the TOB and the patrol stop, when computed, then the TOB is the one episode reported on', () => {
    expect(later.perEpisode.map((e) => e.episodeId)).toEqual(['base-ogossagou']);
    expect(first).toMatchObject({ arrival: '2020-03-01', departure: '2020-03-03' });
  });

  it('the baseline is 2020-02-02..02-29 (28 days: 2020 is a leap year) with 0 incidents once the trigger is left out', () => {
    expect(first.baseline).toMatchObject({ from: '2020-02-02', to: '2020-02-29', days: 28, count: 0 });
  });

  it('without the trigger named, the same baseline would count it (regression to the mean)', () => {
    expect(asOf('2020-04-30T00:00:00.000Z', false).perEpisode[0].baseline.count).toBe(1);
  });

  it('the attack 6 km away on 03-06, recorded on 03-20, is c[3] = 1 as of 03-20 and later', () => {
    expect(first.days.map((d) => d.count)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(asOf('2020-03-20T12:00:00.000Z').perEpisode[0].days[2].count).toBe(1);
  });

  it('… and 0 before it was recorded', () => {
    const before = asOf('2020-03-19T23:59:59.000Z').perEpisode[0];
    expect(before.days[2]).toMatchObject({ day: 3, date: '2020-03-06', count: 0, atRisk: 1 });
  });

  it('the one 12 km away on 03-08 is ring (10–25 km) day 5, not c', () => {
    expect(first.days[4].count).toBe(0);
    expect(later.byVicinity['10-25'].days.map((d) => d.incidents)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(later.byVicinity['25'].days[4].incidents).toBe(1);
  });

  it('the second episode arriving 5 km away on 03-11 censors the first from day 8', () => {
    expect(first.censoredFromDay).toBe(8);
    expect(first.days.map((d) => d.atRisk)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(later.days.map((d) => d.atRisk)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('pooled: 1 incident in 7 days at risk against 0 in 28 — no bare ratio, an unbounded exact interval', () => {
    expect(later).toMatchObject({ episodes: 1, baselineRate: 0, post: { incidents: 1, days: 7 }, baseline: { incidents: 0, days: 28 }, rateRatio: null });
    expect(later.ci95![0]).toBeGreaterThan(0);
    expect(later.ci95![1]).toBeNull();
    expect(later.horizonDays).toBeNull();
  });

  it('every output carries the methodology version', () => {
    expect(later.methodologyVersion).toBe(METHODOLOGY_VERSION);
    expect(Object.values(later.byVicinity).every((c) => c.methodologyVersion === METHODOLOGY_VERSION)).toBe(true);
    expect(later.retaliation.methodologyVersion).toBe(METHODOLOGY_VERSION);
  });

  it('retaliation: the 6 km attack on civilians 3 days after the TOB closed is a candidate awaiting review', () => {
    expect(later.retaliation.candidates.map((c) => [c.incidentId, c.day])).toEqual([['six-km', 3]]);
    expect(later.retaliation.summary).toBe('no retaliation documented (0 candidates reviewed, 1 awaiting review)');
  });
});
