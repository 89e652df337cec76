import { offsetKm } from '@poc/projections/testing';
import { computeDeterrence } from './compute-deterrence';
import type { RetaliationVerdicts } from './retaliation';
import { episode, incident, noon, OGOSSAGOU } from '@poc/deterrence/testing';
import { type IncidentView, type Episode } from '@poc/projections';

const east = (km: number) => offsetKm(OGOSSAGOU, 90, km);
const patrol = episode('patrol', OGOSSAGOU, noon('2020-03-01'), noon('2020-03-03'));
const base = episode('tob', { lat: 14.35, lon: -2.85 }, noon('2020-02-01'), noon('2020-03-03'), { kind: 'base' });
const nearTob = (km: number) => offsetKm({ lat: 14.35, lon: -2.85 }, 0, km);

const retaliation = (episodes: Episode[], incidents: IncidentView[], verdicts: RetaliationVerdicts = {}) =>
  computeDeterrence({ episodes, incidents, asOf: '2020-06-01T00:00:00.000Z', vicinities: [], retaliationVerdicts: verdicts }).retaliation;

describe('retaliation after departure', () => {
  const incidents = [
    incident('day-10', east(3), noon('2020-03-13')),
    incident('day-15', east(3), noon('2020-03-18')),
    incident('not-civilians', east(3), noon('2020-03-05'), { targetsCivilians: false }),
    incident('tob-day-25', nearTob(2), noon('2020-03-28')),
    incident('tob-day-31', nearTob(2), noon('2020-04-03')),
    incident('far', east(15), noon('2020-03-05')),
  ];

  it('given civilian-targeting incidents after departures, then candidates are those within 14 days (30 after a TOB closes)', () => {
    const r = retaliation([patrol, base], incidents);
    expect(r.candidates.map((c) => [c.incidentId, c.episodeId, c.day])).toEqual([
      ['day-10', 'patrol', 10],
      ['tob-day-25', 'tob', 25],
    ]);
  });

  it('with no verdict yet: "no retaliation documented", never "none occurred", with what awaits review', () => {
    expect(retaliation([patrol, base], incidents).summary).toBe('no retaliation documented (0 candidates reviewed, 2 awaiting review)');
  });

  it('all reviewed and none found: "no retaliation documented (n candidates reviewed)"', () => {
    const r = retaliation([patrol, base], incidents, { 'day-10': 'not-retaliation', 'tob-day-25': 'undetermined' });
    expect(r).toMatchObject({ reviewed: 2, awaitingReview: 0, documented: 0, summary: 'no retaliation documented (2 candidates reviewed)' });
  });

  it('what was found is listed', () => {
    const r = retaliation([patrol, base], incidents, new Map([['tob-day-25', 'retaliation' as const]]));
    expect(r.summary).toBe('retaliation documented: 1 of 2 candidates (incident tob-day-25, day 25 after tob left), 1 awaiting review');
    expect(r.documented).toBe(1);
  });

  it('an incident during a later presence belongs to it, not to the departure', () => {
    const next = episode('next', east(1), noon('2020-03-10'), noon('2020-03-14'));
    expect(retaliation([patrol, next], [incident('day-10', east(3), noon('2020-03-13'))]).candidates).toEqual([]);
  });

  it('no candidate at all: "no retaliation documented (0 candidates reviewed)"', () => {
    expect(retaliation([patrol], []).summary).toBe('no retaliation documented (0 candidates reviewed)');
  });
});
