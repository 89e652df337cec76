import type { StoredEvent } from '@poc/domain';
import { incidentsProjection, type IncidentView, presencesProjection, type PresenceView } from '@poc/projections';
import { EventLog, at, offsetKm, foldInBatches } from '@poc/projections/testing';
import { computeDeterrence, type VerifiedSelection } from './compute-deterrence';
import { OGOSSAGOU } from '@poc/deterrence/testing';

/**
 * `?verified=only`: a TOB at Ogossagou left 2020-03-03; attacks 6 km away on day 3 (verified
 * on 03-20, recorded then), day 4 (never verified) and day 5 (verified, then disputed on 03-28).
 */
const log = new EventLog();
const place = { cercle: 'Bankass', region: 'Mopti' };
const near = { location: at(offsetKm(OGOSSAGOU, 90, 6), place) };
const recorded = (recordedAt: string) => <E extends { recordedAt: string }>(e: E): E => ({ ...e, recordedAt });
log.baseEstablished('b', { establishedAt: '2020-03-01T08:00:00.000Z', location: at(OGOSSAGOU, place) });
log.baseClosed('b', '2020-03-03T16:00:00.000Z');
for (const [id, day] of [['i3', '06'], ['i4', '07'], ['i5', '08']] as const)
  log.incidentReported(id, near, { occurredAt: `2020-03-${day}T10:00:00.000Z`, recordedAt: `2020-03-${day}T12:00:00.000Z` });
const later = new Map<StoredEvent, string>([
  [log.incidentVerificationRecorded('i3', { at: '2020-03-20T09:00:00.000Z' }), '2020-03-20T09:00:00.000Z'],
  [log.incidentVerificationRecorded('i5', { at: '2020-03-20T09:00:00.000Z' }), '2020-03-20T09:00:00.000Z'],
  [log.incidentVerificationRecorded('i5', { status: 'disputed', method: 'independent-source', at: '2020-03-28T09:00:00.000Z' }), '2020-03-28T09:00:00.000Z'],
]);
const events = log.events.map((e) => (later.has(e) ? recorded(later.get(e)!)(e) : e));

const models = foldInBatches([presencesProjection, incidentsProjection], events);
const episodes = [...(models.get('presences')!.values() as Iterable<PresenceView>)].flatMap((p) => p.episodes);
const incidents = [...(models.get('incidents')!.values() as Iterable<IncidentView>)];
const run = (asOf: string, verified?: VerifiedSelection) => computeDeterrence({ episodes, incidents, asOf, filter: { kinds: ['base'] }, vicinities: [], ...(verified && { verified }) });
const counts = (asOf: string, verified?: VerifiedSelection) => run(asOf, verified).perEpisode[0]!.days.map((d) => d.count).slice(2, 5);

describe('verified=only counts the incidents verified as known at asOf', () => {
  it('all by default, and says so', () => {
    expect(run('2020-03-25T00:00:00.000Z').verified).toBe('all');
    expect(counts('2020-03-25T00:00:00.000Z')).toEqual([1, 1, 1]);
  });

  it('only: the two verified by then, and says so', () => {
    expect(run('2020-03-25T00:00:00.000Z', 'only').verified).toBe('only');
    expect(counts('2020-03-25T00:00:00.000Z', 'only')).toEqual([1, 0, 1]);
  });

  it('before the verifications were recorded, none', () => expect(counts('2020-03-15T00:00:00.000Z', 'only')).toEqual([0, 0, 0]));

  it('a verification disputed since no longer counts', () => expect(counts('2020-03-30T00:00:00.000Z', 'only')).toEqual([1, 0, 0]));
});
