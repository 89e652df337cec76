import { incidentsProjection, type IncidentView } from '../incidents/incidents.projection';
import { patrolsProjection, type PatrolView } from '../patrols/patrols.projection';
import { EventLog, PLACES, area, at, offsetKm } from '../testing/events';
import { foldInBatches } from '../testing/projection-specification';
import { patrolDeterrence, presencePoints, searchWindow, type PatrolDeterrence } from './patrol-deterrence';

// DOMAIN.md's worked case: a patrol at Ogossagou, arrived 2020-03-01, left 2020-03-03.
const OGOSSAGOU = PLACES.ogossagou;
const startedAt = '2020-03-01T06:00:00.000Z';
const endedAt = '2020-03-03T15:00:00.000Z';

type Completed = PatrolView & { endedAt: string };

const patrolFrom = (log: EventLog, patrolId: string): Completed =>
  foldInBatches([patrolsProjection], log.events).get('patrols')!.get(patrolId) as Completed;

const incidentsFrom = (log: EventLog): IncidentView[] => [...(foldInBatches([incidentsProjection], log.events).get('incidents')!.values() as Iterable<IncidentView>)];

/** An incident `km` north-east of `from`, on the given day (noon UTC unless said). */
const incident = (log: EventLog, id: string, day: string, km: number, extra: { from?: { lat: number; lon: number }; precision?: number; timePrecision?: 1 | 2 | 3; time?: string } = {}) =>
  log.incidentReported(
    id,
    { location: at(offsetKm(extra.from ?? OGOSSAGOU, 45, km), { precision: extra.precision ?? 1 }), timePrecision: extra.timePrecision ?? 1 },
    { occurredAt: `${day}T${extra.time ?? '12:00:00.000Z'}` },
  );

const countOn = (result: PatrolDeterrence, day: number): number => result.days.find((d) => d.day === day)!.count;
const curve = (result: PatrolDeterrence): number[] => result.days.map((d) => d.count);

describe('patrol deterrence: the simple case', () => {
  const log = new EventLog();
  log.patrolDeployed('p1', { startedAt, area: area(OGOSSAGOU, 10), stops: [] });
  log.patrolCompleted('p1', { endedAt, stops: [] });
  incident(log, 'day3-6km', '2020-03-06', 6);
  incident(log, 'day5-12km', '2020-03-08', 12);
  incident(log, 'day0', '2020-03-03', 2, { time: '20:00:00.000Z' });
  incident(log, 'during', '2020-03-02', 2);
  incident(log, 'baseline-02-10', '2020-02-10', 3);
  incident(log, 'baseline-first-day', '2020-02-02', 3, { time: '00:00:00.000Z' });
  incident(log, 'baseline-leap-day', '2020-02-29', 3, { time: '23:59:59.000Z' });
  incident(log, 'before-baseline', '2020-02-01', 3, { time: '23:59:59.000Z' });
  incident(log, 'retracted', '2020-03-05', 3);
  log.incidentRetracted('retracted', 'duplicate', '2020-03-07T00:00:00.000Z');
  incident(log, 'week-precise', '2020-03-05', 3, { timePrecision: 2 });
  incident(log, 'region-precise', '2020-03-05', 3, { precision: 3 });
  incident(log, 'near-town', '2020-03-07', 4, { precision: 2 });
  incident(log, 'day14', '2020-03-17', 1, { time: '23:00:00.000Z' });
  incident(log, 'day15', '2020-03-18', 1, { time: '00:30:00.000Z' });
  incident(log, 'far', '2020-03-06', 60);
  // Reported 30 km off, corrected to 4 km: the corrected place counts.
  incident(log, 'corrected-near', '2020-03-04', 30);
  log.incidentCorrected('corrected-near', { location: at(offsetKm(OGOSSAGOU, 200, 4)) });
  // Reported on day 2, corrected to a baseline day.
  incident(log, 'corrected-earlier', '2020-03-05', 2);
  log.incidentCorrected('corrected-earlier', { occurredAt: '2020-02-20T10:00:00.000Z' });

  const patrol = patrolFrom(log, 'p1');
  const incidents = incidentsFrom(log);
  const at10 = patrolDeterrence(patrol, incidents, { radiusKm: 10, today: '2020-04-01T00:00:00.000Z' });
  const at25 = patrolDeterrence(patrol, incidents, { radiusKm: 25, today: '2020-04-01T00:00:00.000Z' });

  it('arrival and departure are UTC days of the patrol', () => {
    expect(at10).toMatchObject({ patrolId: 'p1', radiusKm: 10, arrival: '2020-03-01', departure: '2020-03-03' });
  });

  it('baseline is 2020-02-02..2020-02-29 inclusive (28 days, 2020 is a leap year)', () => {
    expect(at10.baseline).toMatchObject({ from: '2020-02-02', to: '2020-02-29', days: 28 });
  });

  it('baseline counts 02-02, 02-10, 02-29 and the incident corrected into it, not 02-01', () => {
    expect(at10.baseline.count).toBe(4);
  });

  it('days run 1..14 after departure, with their dates', () => {
    expect(at10.days.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(at10.days[0].date).toBe('2020-03-04');
    expect(at10.days[13].date).toBe('2020-03-17');
  });

  it('at r = 10 km: 6 km on 03-06 is day 3; near-town on day 4; corrected-near on day 1; day 14 counted', () => {
    expect(curve(at10)).toEqual([1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('12 km on 03-08 is not counted at r = 10, counted on day 5 at r = 25', () => {
    expect(countOn(at10, 5)).toBe(0);
    expect(countOn(at25, 5)).toBe(1);
    expect(curve(at25)).toEqual([1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('leaves out day 0, the days of the patrol, day 15, the retracted, the week-precise and the region-precise', () => {
    const total = curve(at25).reduce((a, b) => a + b, 0) + at25.baseline.count;
    // 4 baseline + day1 + day3 + day4 + day5 + day14: nothing else got in.
    expect(total).toBe(9);
    expect(countOn(at10, 2)).toBe(0);
  });

  it('a day after `today` is not at risk', () => {
    const early = patrolDeterrence(patrol, incidents, { radiusKm: 10, today: '2020-03-10T08:00:00.000Z' });
    expect(early.days.map((d) => d.atRisk)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(at10.days.every((d) => d.atRisk === 1)).toBe(true);
    const departureDay = patrolDeterrence(patrol, incidents, { radiusKm: 10, today: endedAt });
    expect(departureDay.days.every((d) => d.atRisk === 0)).toBe(true);
  });

  it('the search window covers baseline start to the end of the post window', () => {
    expect(searchWindow(patrol)).toEqual({ from: '2020-02-02', to: '2020-03-17' });
  });
});

describe('patrol deterrence: a patrol with stops', () => {
  // The area is centred on Ogossagou but the patrol halted at Koro, ≈ 60 km east.
  const log = new EventLog();
  const stop = { location: at(PLACES.koro), arrivedAt: '2020-03-01T12:00:00.000Z', departedAt: '2020-03-03T07:00:00.000Z', overnight: true };
  log.patrolDeployed('p2', { startedAt, area: area(OGOSSAGOU, 80), stops: [] });
  log.patrolCompleted('p2', { endedAt, stops: [stop] });
  incident(log, 'near-koro', '2020-03-05', 3, { from: PLACES.koro });
  incident(log, 'near-centre', '2020-03-05', 3, { from: OGOSSAGOU });
  incident(log, 'baseline-near-koro', '2020-02-15', 5, { from: PLACES.koro });
  incident(log, 'baseline-near-centre', '2020-02-15', 5, { from: OGOSSAGOU });

  const patrol = patrolFrom(log, 'p2');
  const result = patrolDeterrence(patrol, incidentsFrom(log), { radiusKm: 10, today: '2020-04-01T00:00:00.000Z' });

  it('presence is at the stops, not the area centre', () => {
    expect(presencePoints(patrol)).toEqual([stop.location]);
  });

  it('counts incidents near the stops only', () => {
    expect(countOn(result, 2)).toBe(1);
    expect(result.baseline.count).toBe(1);
    expect(curve(result).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('a patrol without stops is present at its area centre', () => {
    const noStops = { ...patrol, stops: [] };
    expect(presencePoints(noStops)).toEqual([patrol.area]);
    const atCentre = patrolDeterrence(noStops, incidentsFrom(log), { radiusKm: 10, today: '2020-04-01T00:00:00.000Z' });
    expect(countOn(atCentre, 2)).toBe(1);
    expect(atCentre.baseline.count).toBe(1);
  });

  it('with two stops, an incident near each counts; one near both counts once', () => {
    const nearby = { ...stop, location: at(offsetKm(PLACES.koro, 90, 6)) };
    const far = { ...stop, location: at(PLACES.bankass) };
    const threeStops = { ...patrol, stops: [stop, nearby, far] };
    const other = new EventLog();
    incident(other, 'between-koro-stops', '2020-03-05', 0.5, { from: offsetKm(PLACES.koro, 90, 3) });
    incident(other, 'near-bankass', '2020-03-05', 1, { from: PLACES.bankass });
    incident(other, 'near-no-stop', '2020-03-05', 3, { from: OGOSSAGOU });
    const result3 = patrolDeterrence(threeStops, incidentsFrom(other), { radiusKm: 10, today: '2020-04-01T00:00:00.000Z' });
    expect(countOn(result3, 2)).toBe(2);
  });
});
