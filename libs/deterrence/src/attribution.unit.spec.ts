import { offsetKm } from '@poc/projections/testing';
import { computeDeterrence } from './compute-deterrence';
import { disk, DISPLACEMENT_RING } from './methodology';
import { episode, incident, noon, OGOSSAGOU } from '@poc/deterrence/testing';
import { type IncidentView, type Episode } from '@poc/projections';

const asOf = '2020-06-01T00:00:00.000Z';
const run = (episodes: Episode[], incidents: IncidentView[], radiusKm = 10) =>
  computeDeterrence({ episodes, incidents, asOf, radiusKm, vicinities: [DISPLACEMENT_RING] });
const curveOf = (result: ReturnType<typeof run>, id: string) => result.perEpisode.find((e) => e.episodeId === id)!;
const counts = (result: ReturnType<typeof run>, id: string) => curveOf(result, id).days.map((d) => d.count);
const total = (result: ReturnType<typeof run>) =>
  result.perEpisode.reduce((s, e) => s + e.during + e.baseline.count + e.days.reduce((a, d) => a + d.count, 0), 0);

const a = episode('a', OGOSSAGOU, noon('2020-03-01'), noon('2020-03-03'));
const east = (km: number) => offsetKm(OGOSSAGOU, 90, km);

describe('attribution of incidents to presences', () => {
  it('given an incident while a presence is under way (day 0 included), then it is a during count, not in the curve', () => {
    const r = run([a], [incident('i0', east(2), noon('2020-03-02')), incident('i1', east(2), '2020-03-03T20:00:00.000Z')]);
    expect(curveOf(r, 'a').during).toBe(2);
    expect(counts(r, 'a').every((c) => c === 0)).toBe(true);
  });

  it('given two departures within r, then the incident belongs to the most recent one', () => {
    const b = episode('b', east(8), noon('2020-03-04'), noon('2020-03-05'));
    const r = run([a, b], [incident('i', east(4), noon('2020-03-07'))]);
    expect(counts(r, 'b')[1]).toBe(1);
    expect(counts(r, 'a').every((c) => c === 0)).toBe(true);
  });

  it('given two departures the same day, then the nearest takes it; a tie of distance goes to the smaller id', () => {
    const b = episode('b', east(8), noon('2020-03-02'), noon('2020-03-03'));
    const r = run([a, b], [incident('near-b', east(6), noon('2020-03-05')), incident('near-a', east(3), noon('2020-03-06'))]);
    expect(counts(r, 'b')[1]).toBe(1);
    expect(counts(r, 'a')[2]).toBe(1);
    expect(total(r)).toBe(2);
    // Two episodes at the same point: an exact tie.
    const twin = episode('twin', OGOSSAGOU, noon('2020-03-02'), noon('2020-03-03'));
    const tie = run([twin, a], [incident('i', east(3), noon('2020-03-06'))]);
    expect(counts(tie, 'a')[2]).toBe(1);
    expect(counts(tie, 'twin')[2]).toBe(0);
  });

  it('given an incident before arrival, then it is a baseline count of the next arrival within r', () => {
    const r = run([a], [incident('i', east(3), noon('2020-02-10')), incident('too-early', east(3), noon('2020-02-01'))]);
    expect(curveOf(r, 'a').baseline.count).toBe(1);
  });

  it('an incident at the presence point itself (0 km) is within the disk', () => {
    const r = run([a], [incident('here', OGOSSAGOU, noon('2020-02-20')), incident('here-after', OGOSSAGOU, noon('2020-03-05'))]);
    expect(curveOf(r, 'a').baseline.count).toBe(1);
    expect(counts(r, 'a')[1]).toBe(1);
  });

  it('given a trigger incident, then it counts in no baseline, not even another episode’s', () => {
    const base = episode('base', OGOSSAGOU, noon('2020-03-01'), noon('2020-03-03'), { kind: 'base', triggerIncidentId: 'attack' });
    const patrol = episode('patrol', east(1), noon('2020-03-01'), noon('2020-03-02'));
    const r = run([base, patrol], [incident('attack', east(1), noon('2020-02-14'))]);
    expect(total(r)).toBe(0);
  });

  it('in the 10–25 km ring: the incident counts when beyond 10 km of the presence it belongs to', () => {
    const r = run([a], [incident('ring', east(12), noon('2020-03-08')), incident('inner', east(6), noon('2020-03-08'))]);
    expect(r.byVicinity['10-25'].days[4].incidents).toBe(1);
    expect(r.days[4].incidents).toBe(1);
  });

  it('at 5, 10 and 25 km the same incidents count by distance', () => {
    const incidents = [incident('3km', east(3), noon('2020-03-05')), incident('7km', east(7), noon('2020-03-05')), incident('20km', east(20), noon('2020-03-05'))];
    const r = computeDeterrence({ episodes: [a], incidents, asOf });
    expect(['5', '10', '25'].map((k) => r.byVicinity[k].days[1].incidents)).toEqual([1, 2, 3]);
    expect(r.byVicinity['5'].vicinity).toEqual(disk(5));
  });

  it('an incident near two episodes in the post window of one and the baseline window of the other counts once', () => {
    const later = episode('later', east(15), noon('2020-03-20'), noon('2020-03-21'));
    // 7 km from a (its day 4), 8 km from later (whose baseline it lies in): a's post takes it.
    const r = run([a, later], [incident('shared', east(7), noon('2020-03-07'))], 10);
    expect(counts(r, 'a')[3]).toBe(1);
    expect(curveOf(r, 'later').baseline.count).toBe(0);
    expect(total(r)).toBe(1);
  });
});
