import type { IncidentView } from '@poc/projections';
import { ACLED_COLUMNS } from './acled-format';
import { incidentRow } from './incident-row';

const incident: IncidentView = {
  incidentId: 'i1',
  status: 'active',
  occurredAt: '2020-03-06T04:00:00.000Z',
  recordedAt: '2020-03-20T09:00:00.000Z',
  location: { lat: 14.15, lon: -3.62, precision: 2, h3: '873e4c6a2ffffff', place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' },
  kind: 'attack-on-civilians',
  fatalities: 3,
  injured: 5,
  targetsCivilians: true,
  timePrecision: 1,
  perpetrator: { name: 'Dan Na Ambassagou', type: 'communal-militia' },
  target: { type: 'civilians' },
  corrections: 0,
};
const verified: IncidentView = { ...incident, incidentId: 'i2', verification: { status: 'verified', by: 'analyst:3f2a', method: 'site-visit', at: '2020-03-22T10:00:00.000Z' } };
const disputed: IncidentView = { ...verified, incidentId: 'i3', verification: { ...verified.verification!, status: 'disputed' } };

describe('export rows of incidents', () => {
  it('all: every incident, each row saying its status and that the export holds all', () => {
    expect([incident, verified, disputed].map((i) => incidentRow(i, 'csv', 'all')?.verification)).toEqual(['unverified', 'verified', 'disputed']);
    expect(incidentRow(verified, 'ndjson', 'all')).toMatchObject({ verified: 'all', verifiedBy: 'analyst:3f2a', verificationMethod: 'site-visit' });
  });

  it('only: the verified incidents alone, in every format', () => {
    for (const format of ['csv', 'ndjson', 'acled'] as const) expect([incident, verified, disputed].map((i) => incidentRow(i, format, 'only') !== undefined)).toEqual([false, true, false]);
    expect(incidentRow(verified, 'csv', 'only')).toMatchObject({ verified: 'only', verification: 'verified' });
  });

  it('the actors: named and typed in csv, ACLED actor and inter columns', () => {
    expect(incidentRow(incident, 'csv', 'all')).toMatchObject({ perpetratorName: 'Dan Na Ambassagou', perpetratorType: 'communal-militia', targetName: '', targetType: 'civilians' });
    const acled = incidentRow(incident, 'acled', 'all')!;
    expect(Object.keys(acled)).toEqual([...ACLED_COLUMNS]);
    expect(acled).toMatchObject({ actor1: 'Dan Na Ambassagou', inter1: 4, actor2: 'Civilians (Mali)', inter2: 7, interaction: 47 });
  });
});
