import fc from 'fast-check';
import { incidentsProjection, type IncidentView } from '@poc/projections';
import { EventLog, at, offsetKm, foldInBatches } from '@poc/projections/testing';
import { computeDeterrence, type DeterrenceInput } from './compute-deterrence';
import { episode, incident, noon, OGOSSAGOU } from '@poc/deterrence/testing';

const asOf = '2020-06-01T00:00:00.000Z';
const east = (km: number) => offsetKm(OGOSSAGOU, 90, km);
const a = episode('a', OGOSSAGOU, noon('2020-03-01'), noon('2020-03-03'));
const run = (input: Partial<DeterrenceInput>) => computeDeterrence({ episodes: [a], incidents: [], asOf, vicinities: [], ...input });
const curve = (r: ReturnType<typeof run>) => r.days.map((d) => d.incidents);

const viewsOf = (log: EventLog): IncidentView[] => [...(foldInBatches([incidentsProjection], log.events).get('incidents')!.values() as Iterable<IncidentView>)];

describe('computeDeterrence', () => {
  describe('bitemporal: asOf reads recordedAt, buckets read occurredAt', () => {
    const late = incident('late', east(3), noon('2020-03-05'), { recordedAt: noon('2020-03-25') });

    it('given a report recorded on 03-25 of an attack on 03-05, then as of 03-24 day 2 is 0 and as of 03-25 it is 1', () => {
      expect(run({ incidents: [late], asOf: '2020-03-24T23:00:00.000Z' }).days[1].incidents).toBe(0);
      expect(run({ incidents: [late], asOf: '2020-03-25T13:00:00.000Z' }).days[1].incidents).toBe(1);
    });

    it('days after asOf are not at risk, and the episode is not pooled before it departs', () => {
      expect(run({ asOf: '2020-03-06T10:00:00.000Z' }).days.map((d) => d.atRisk)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      const during = run({ asOf: '2020-03-02T10:00:00.000Z' });
      expect(during).toMatchObject({ episodes: 0, underWay: 1 });
      expect(during.perEpisode[0].departure).toBeNull();
    });
  });

  describe('corrections and retractions, through the incidents read model', () => {
    const log = new EventLog();
    log.incidentReported('moved-in', { location: at(east(30)) }, { occurredAt: noon('2020-03-05') });
    log.incidentCorrected('moved-in', { location: at(east(4)) });
    log.incidentReported('moved-earlier', { location: at(east(4)) }, { occurredAt: noon('2020-03-06') });
    log.incidentCorrected('moved-earlier', { occurredAt: noon('2020-02-20') });
    log.incidentReported('retracted', { location: at(east(4)) }, { occurredAt: noon('2020-03-07') });
    log.incidentRetracted('retracted', 'duplicate');
    const r = run({ incidents: viewsOf(log) });

    it('a corrected place moves the incident into the vicinity; a corrected day moves it to the baseline', () => {
      expect(curve(r)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(r.baseline.incidents).toBe(1);
    });

    it('a retracted report counts nowhere', () => {
      expect(r.post.incidents + r.baseline.incidents).toBe(2);
    });
  });

  describe('precision (ACLED codes)', () => {
    const incidents = [
      incident('exact', east(3), noon('2020-03-05')),
      incident('near-town', east(3), noon('2020-03-05'), { precision: 2 }),
      incident('week', east(3), noon('2020-03-08'), { timePrecision: 2 }),
      incident('month', east(3), noon('2020-03-15'), { timePrecision: 3 }),
      incident('region', east(3), noon('2020-03-05'), { precision: 3, cercle: 'Bankass' }),
      incident('region-week', east(3), noon('2020-03-05'), { precision: 3, timePrecision: 2 }),
    ];
    const r = run({ incidents });

    it('only day- and place-precise (geo 1–2) incidents enter the daily curve', () => {
      expect(curve(r)[1]).toBe(2);
      expect(r.post.incidents).toBe(2);
    });

    it('coarser ones count as window totals or at cercle level', () => {
      // The week 03-05..03-11 lies in the post window 03-04..03-17; March straddles it.
      expect(r.imprecise.windowTotals).toEqual({ post: 1, baseline: 0, straddling: 1 });
      expect(r.imprecise.cercleLevel).toEqual([{ cercle: 'Bankass', post: 1, baseline: 0 }]);
    });
  });

  it('the curve without the patrolling unit leaves out its reports, in the window and the baseline', () => {
    const incidents = [
      incident('own', east(3), noon('2020-03-05'), { reportingUnit: 'BANBAT-1', source: 'uniformed' }),
      incident('other-unit', east(3), noon('2020-03-05'), { reportingUnit: 'TOGOBAT-2' }),
      incident('own-before', east(3), noon('2020-02-20'), { reportingUnit: 'BANBAT-1' }),
    ];
    const r = run({ incidents });
    expect(curve(r)[1]).toBe(2);
    expect(r.withoutOwnUnit.days[1].incidents).toBe(1);
    expect([r.baseline.incidents, r.withoutOwnUnit.baseline.incidents]).toEqual([1, 0]);
  });

  describe('filters and pooling', () => {
    const koro = episode('koro', { lat: 14.064, lon: -3.0754 }, noon('2020-04-01'), noon('2020-04-02'), { operation: 'Other', cercle: 'Koro' });
    const incidents = [incident('i-a', east(3), noon('2020-03-05')), incident('i-koro', offsetKm({ lat: 14.064, lon: -3.0754 }, 0, 2), noon('2020-04-04'))];

    it('pools Σc[k] / Σ at-risk[k] over the selected episodes', () => {
      const r = run({ episodes: [a, koro], incidents });
      expect(r.episodes).toBe(2);
      expect(r.days[1]).toMatchObject({ incidents: 2, atRisk: 2, rate: 1 });
    });

    it('selects by operation, cercle and period (the departure day)', () => {
      expect(run({ episodes: [a, koro], incidents, filter: { operation: 'Buffalo' } }).perEpisode.map((e) => e.episodeId)).toEqual(['a']);
      expect(run({ episodes: [a, koro], incidents, filter: { cercle: 'Koro' } }).perEpisode.map((e) => e.episodeId)).toEqual(['koro']);
      expect(run({ episodes: [a, koro], incidents, filter: { from: '2020-03-03', to: '2020-03-31' } }).episodes).toBe(1);
    });

    it('an episode outside the filter still censors and takes its incidents', () => {
      const other = episode('other', east(2), noon('2020-03-06'), noon('2020-03-07'), { operation: 'Other' });
      const r = run({ episodes: [a, other], incidents: [incident('after-other', east(2), noon('2020-03-09'))], filter: { operation: 'Buffalo' } });
      expect(r.perEpisode[0].censoredFromDay).toBe(3);
      expect(r.post.incidents).toBe(0);
    });

    it('groups by operation and month', () => {
      const r = run({ episodes: [a, koro], incidents, groupBy: ['operation', 'month'] });
      expect(r.groups.map((g) => [g.by, g.value, g.curve.episodes, g.curve.post.incidents])).toEqual([
        ['operation', 'Buffalo', 1, 1],
        ['operation', 'Other', 1, 1],
        ['month', '2020-03', 1, 1],
        ['month', '2020-04', 1, 1],
      ]);
    });
  });

  describe('provisional windows', () => {
    it('given a lag of 5 days, then the window ending 03-17 is provisional until 03-23', () => {
      expect(run({ asOf: '2020-03-22T23:59:59.000Z', reportingLagDays: 5 }).provisional).toBe(true);
      expect(run({ asOf: '2020-03-23T00:00:00.000Z', reportingLagDays: 5 }).provisional).toBe(false);
    });

    it('marks the recent days provisional, the older ones final', () => {
      const r = run({ asOf: '2020-03-12T00:00:00.000Z', reportingLagDays: 3 });
      // final: days that ended 3 days before asOf, up to 03-08 (day 5); at risk: up to asOf's day,
      // 03-12 (day 9); days not reached have no count to call provisional.
      expect(r.days.map((d) => d.provisional)).toEqual([false, false, false, false, false, true, true, true, true, false, false, false, false, false]);
      expect(r.perEpisode[0].days[13].provisional).toBe(true);
    });

    it('measures the lag from the incidents when not given', () => {
      const incidents = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((lag) => incident(`l${lag}`, east(50), noon('2020-01-10'), { recordedAt: noon(`2020-01-${10 + lag}`) }));
      expect(run({ incidents }).reportingLag).toEqual({ days: 9, percentile: 0.9, sample: 10, measured: true });
    });
  });

  it('no incident is counted twice: Σ of all counts ≤ the day- and place-precise incidents', () => {
    const point = fc.record({ bearing: fc.integer({ min: 0, max: 359 }), km: fc.integer({ min: 0, max: 12 }) });
    const day = fc.integer({ min: 0, max: 60 }).map((d) => noon(new Date(Date.UTC(2020, 1, 1 + d)).toISOString().slice(0, 10)));
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: point, from: day, stay: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ p: point, at: day }), { maxLength: 30 }),
        (eps, incs) => {
          const episodes = eps.map((e, i) => episode(`e${i}`, offsetKm(OGOSSAGOU, e.p.bearing, e.p.km), e.from, noon(new Date(Date.parse(e.from) + e.stay * 86_400_000).toISOString().slice(0, 10))));
          const incidents = incs.map((x, i) => incident(`i${i}`, offsetKm(OGOSSAGOU, x.p.bearing, x.p.km), x.at));
          const r = computeDeterrence({ episodes, incidents, asOf, vicinities: [] });
          const counted = r.perEpisode.reduce((s, e) => s + e.during + e.baseline.count + e.days.reduce((t, d) => t + d.count, 0), 0);
          expect(counted).toBeLessThanOrEqual(incidents.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
