import { toLocation, type IedStatus } from '@poc/domain';
import { iedSummary } from './ied-summary';

const ANSONGO = toLocation({ lat: 15.66, lon: 0.5, precision: 2, cercle: 'Ansongo', region: 'Gao' });
const GAO = toLocation({ lat: 16.27, lon: -0.04, precision: 2, cercle: 'Gao', region: 'Gao' });
const SIKA = 'Gao–Ansongo–Labbezanga';

let n = 0;
type Extra = { axis?: string | null; convoyId?: string; unit?: string; casualties?: number; location?: typeof GAO };
const ied = (status: IedStatus, detectedAt: string, extra: Extra = {}) => ({
  iedId: `x${++n}`,
  status,
  detectedAt,
  location: extra.location ?? ANSONGO,
  axis: extra.axis === undefined ? SIKA : extra.axis,
  ...(extra.convoyId !== undefined && { convoyId: extra.convoyId }),
  ...(extra.unit !== undefined && { unit: extra.unit }),
  ...(extra.casualties !== undefined && { casualties: extra.casualties }),
});

describe('iedSummary', () => {
  it('given five devices cleared on one convoy in March, then the convoy row says five found, five cleared', () => {
    const convoy = [1, 2, 3, 4, 5].map((i) => ied('neutralized', `2020-03-17T0${i}:00:00.000Z`, { convoyId: 'CVY-0317', unit: 'Convoy escort company 3' }));
    const report = iedSummary([...convoy, ied('detected', '2020-03-20T08:00:00.000Z', { convoyId: 'CVY-0320' })]);
    expect(report.convoys).toEqual([
      { convoyId: 'CVY-0317', found: 5, cleared: 5, detonated: 0, pending: 0, casualties: 0, units: ['Convoy escort company 3'], firstDetectedAt: '2020-03-17T01:00:00.000Z', lastDetectedAt: '2020-03-17T05:00:00.000Z' },
      { convoyId: 'CVY-0320', found: 1, cleared: 0, detonated: 0, pending: 1, casualties: 0, units: [], firstDetectedAt: '2020-03-20T08:00:00.000Z', lastDetectedAt: '2020-03-20T08:00:00.000Z' },
    ]);
  });

  it('given neutralised, detonated and pending devices, then the share is neutralised over those resolved, casualties only from those that went off', () => {
    const report = iedSummary([
      ied('neutralized', '2020-03-02T07:00:00.000Z'),
      ied('neutralized', '2020-03-03T07:00:00.000Z', { casualties: 1 }),
      ied('neutralized', '2020-03-04T07:00:00.000Z'),
      ied('detonated', '2020-03-05T07:00:00.000Z', { casualties: 3 }),
      ied('detonated', '2020-03-06T07:00:00.000Z'),
      ied('detected', '2020-03-07T07:00:00.000Z'),
    ]);
    expect(report.totals).toEqual({ found: 6, neutralised: 3, detonated: 2, pending: 1, shareNeutralised: 0.6, casualties: 3 });
    expect(report.byMonthAndAxis).toEqual([{ month: '2020-03', axis: SIKA, cercle: null, found: 6, neutralised: 3, detonated: 2, pending: 1, shareNeutralised: 0.6, casualties: 3 }]);
  });

  it('given reports without an axis, then they are counted by their cercle, after the axes; months oldest first', () => {
    const report = iedSummary([
      ied('detonated', '2020-04-02T07:00:00.000Z', { axis: null, location: GAO, casualties: 2 }),
      ied('neutralized', '2020-02-10T07:00:00.000Z', { axis: null }),
      ied('neutralized', '2020-02-11T07:00:00.000Z'),
      ied('neutralized', '2020-02-12T07:00:00.000Z', { axis: null, location: toLocation({ lat: 15, lon: 0, precision: 3 }) }),
    ]);
    expect(report.byMonthAndAxis.map((r) => [r.month, r.axis, r.cercle, r.found])).toEqual([
      ['2020-02', SIKA, null, 1],
      ['2020-02', null, 'Ansongo', 1],
      ['2020-02', null, null, 1],
      ['2020-04', null, 'Gao', 1],
    ]);
    expect(report.byMonth).toEqual([
      { month: '2020-02', found: 3, neutralised: 3, detonated: 0, pending: 0, shareNeutralised: 1, casualties: 0 },
      { month: '2020-04', found: 1, neutralised: 0, detonated: 1, pending: 0, shareNeutralised: 0, casualties: 2 },
    ]);
  });

  it('given a document built before the axis existed (no axis key), then it is counted by its cercle', () => {
    const { axis: _axis, ...v1Doc } = ied('neutralized', '2020-03-02T07:00:00.000Z');
    expect(iedSummary([v1Doc as never]).byMonthAndAxis).toEqual([expect.objectContaining({ axis: null, cercle: 'Ansongo', found: 1 })]);
  });

  it('given a range, then devices detected outside it are left out; none resolved gives no share', () => {
    const report = iedSummary([ied('detected', '2020-03-01T07:00:00.000Z'), ied('neutralized', '2020-05-01T07:00:00.000Z')], { from: '2020-03-01T00:00:00.000Z', to: '2020-03-31T23:59:59.999Z' });
    expect(report).toMatchObject({ from: '2020-03-01T00:00:00.000Z', to: '2020-03-31T23:59:59.999Z', totals: { found: 1, pending: 1, shareNeutralised: null }, convoys: [] });
  });
});
