import fc from 'fast-check';
import { H3_RESOLUTION } from '@poc/domain';
import { latLngToCell } from 'h3-js';
import { offsetKm } from '@poc/projections/testing';
import { computeDeterrence } from './compute-deterrence';
import { coverCells } from './cell-cover';
import { fetchPlan } from './fetch-plan';
import { episode, incident, noon, OGOSSAGOU } from '@poc/deterrence/testing';

const asOf = '2020-08-01T00:00:00.000Z';
const a = episode('a', OGOSSAGOU, noon('2020-03-01'), noon('2020-03-03'));

describe('fetch plan', () => {
  it('given an episode, then the incident days run from 28 days before arrival to 30 after departure', () => {
    const plan = fetchPlan([a]);
    expect(plan.incidentDays).toEqual({ from: '2020-02-02', to: '2020-04-02' });
    expect(plan.presenceDays).toEqual({ from: '2020-01-03', to: '2020-04-02' });
    expect(plan.radiusKm).toBe(25);
    expect(plan.cercles).toEqual(['Bankass']);
  });

  it('the cells hold every point within the largest radius, and only the requested radius when asked', () => {
    const cells = new Set(coverCells(fetchPlan([a]).cover));
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const p = offsetKm(OGOSSAGOU, bearing, 24.9);
      expect(cells.has(latLngToCell(p.lat, p.lon, H3_RESOLUTION))).toBe(true);
    }
    expect(coverCells(fetchPlan([a], { radiusKm: 10, vicinities: [] }).cover).length).toBeLessThan(cells.size);
  });

  it('an episode under way is searched up to asOf + 30 days', () => {
    const open = episode('open', OGOSSAGOU, noon('2020-03-01'));
    expect(fetchPlan([open], { asOf }).incidentDays.to).toBe('2020-08-31');
  });

  it('computing on what the plan fetches gives the result of computing on everything', () => {
    const point = fc.record({ bearing: fc.integer({ min: 0, max: 359 }), km: fc.integer({ min: 0, max: 60 }) });
    const day = fc.integer({ min: -60, max: 90 }).map((d) => noon(new Date(Date.UTC(2020, 2, 1 + d)).toISOString().slice(0, 10)));
    fc.assert(
      fc.property(fc.array(fc.record({ p: point, at: day }), { maxLength: 40 }), (incs) => {
        const incidents = incs.map((x, i) => incident(`i${i}`, offsetKm(OGOSSAGOU, x.p.bearing, x.p.km), x.at));
        const plan = fetchPlan([a]);
        const cells = new Set(coverCells(plan.cover));
        const fetched = incidents.filter((i) => cells.has(i.location.h3) && i.occurredAt.slice(0, 10) >= plan.incidentDays.from && i.occurredAt.slice(0, 10) <= plan.incidentDays.to);
        const whole = computeDeterrence({ episodes: [a], incidents, asOf, reportingLagDays: 5 });
        const probed = computeDeterrence({ episodes: [a], incidents: fetched, asOf, reportingLagDays: 5 });
        expect(probed).toStrictEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});
