import type { JudicialCaseCategory } from '@poc/domain';
import type { JudicialCaseView } from './judicial-cases.projection';
import { judicialSummary } from './judicial-summary';

const T = (day: string) => `${day}T10:00:00.000Z`;
const aCase = (caseRef: string, category: JudicialCaseCategory, opened: string, extra: Partial<JudicialCaseView> = {}): JudicialCaseView => ({
  caseRef,
  category,
  openedAt: T(opened),
  recordedAt: T(opened),
  status: 'under-investigation',
  statuses: [],
  detentions: [],
  convictions: [],
  ...extra,
});

describe('judicialSummary', () => {
  // Given: three terrorism cases, one organised crime, one other; one referred to trial in
  // May, one closed in April; detentions for crimes against peacekeepers and others.
  const cases: JudicialCaseView[] = [
    aCase('t1', 'terrorism', '2020-01-10', { detentions: [{ people: 5, at: T('2020-02-01'), recordedAt: T('2020-02-01'), crimesAgainstPeacekeepers: true }] }),
    aCase('t2', 'terrorism', '2020-02-10', {
      status: 'referred-to-trial',
      statuses: [{ status: 'referred-to-trial', at: T('2020-05-10'), recordedAt: T('2020-05-10') }],
      detentions: [{ people: 8, at: T('2020-03-01'), recordedAt: T('2020-03-01'), crimesAgainstPeacekeepers: true }],
      convictions: [{ people: 2, at: T('2020-06-01'), recordedAt: T('2020-06-01'), crimesAgainstPeacekeepers: true }],
    }),
    aCase('t3', 'terrorism', '2020-05-25'),
    aCase('o1', 'transnational-organised-crime', '2020-03-03', { detentions: [{ people: 4, at: T('2020-03-05'), recordedAt: T('2020-03-05'), crimesAgainstPeacekeepers: false }] }),
    aCase('x1', 'other', '2020-01-20', { status: 'closed', statuses: [{ status: 'closed', at: T('2020-04-01'), recordedAt: T('2020-04-01') }] }),
  ];

  it('counts on a day: status then, people detained and convicted by its end', () =>
    // When: the summary on 20 May 2020, as known long after. Then:
    expect(judicialSummary(cases, '2020-05-20', '2020-12-31T00:00:00.000Z')).toEqual({
      on: '2020-05-20',
      asOf: '2020-12-31T00:00:00.000Z',
      cases: 4,
      byStatus: { 'under-investigation': 2, 'referred-to-trial': 1, closed: 1 },
      underInvestigation: { total: 2, byCategory: { terrorism: 1, 'transnational-organised-crime': 1, other: 0 } },
      detained: { total: 17, crimesAgainstPeacekeepers: 13 },
      convicted: { total: 0, crimesAgainstPeacekeepers: 0 },
    }));

  it('a day earlier in the history: the cases were still under investigation then', () => {
    const summary = judicialSummary(cases, '2020-03-31', '2020-12-31T00:00:00.000Z');
    expect(summary.underInvestigation).toEqual({ total: 4, byCategory: { terrorism: 2, 'transnational-organised-crime': 1, other: 1 } });
    expect(summary.detained).toEqual({ total: 17, crimesAgainstPeacekeepers: 13 });
  });

  it('the whole of the day `on` counts', () => expect(judicialSummary(cases, '2020-05-10', '2020-12-31T00:00:00.000Z').byStatus['referred-to-trial']).toBe(1));

  it('as of a time: what was recorded after it is left out (a late record changes the past only from when it is known)', () => {
    const late: JudicialCaseView[] = [
      aCase('l1', 'terrorism', '2020-05-01', {
        recordedAt: T('2020-05-02'),
        status: 'closed',
        statuses: [{ status: 'closed', at: T('2020-05-05'), recordedAt: T('2020-06-10') }],
        detentions: [{ people: 3, at: T('2020-05-03'), recordedAt: T('2020-06-10'), crimesAgainstPeacekeepers: true }],
      }),
      aCase('l2', 'other', '2020-05-01', { recordedAt: T('2020-06-10') }),
    ];
    const before = judicialSummary(late, '2020-05-20', T('2020-06-01'));
    expect(before).toMatchObject({ cases: 1, underInvestigation: { total: 1 }, detained: { total: 0 } });
    const after = judicialSummary(late, '2020-05-20', T('2020-06-30'));
    expect(after).toMatchObject({ cases: 2, byStatus: { closed: 1, 'under-investigation': 1 }, detained: { total: 3, crimesAgainstPeacekeepers: 3 } });
  });

  it('convictions count once their day has come', () =>
    expect(judicialSummary(cases, '2020-06-01', '2020-12-31T00:00:00.000Z').convicted).toEqual({ total: 2, crimesAgainstPeacekeepers: 2 }));

  it('no cases: zeros everywhere', () =>
    expect(judicialSummary([], '2020-05-20', T('2020-05-20'))).toMatchObject({ cases: 0, underInvestigation: { total: 0 }, detained: { total: 0 }, convicted: { total: 0 } }));
});
