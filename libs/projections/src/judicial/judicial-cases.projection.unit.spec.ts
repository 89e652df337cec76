import { judicialCaseStreamId, type JudicialCaseOpened, type PeopleCount } from '@poc/domain';
import { EventLog, ProjectionSpecification } from '@poc/projections/testing';
import { judicialCasesProjection, type JudicialCaseView } from './judicial-cases.projection';

const spec = ProjectionSpecification.for(judicialCasesProjection);
const openedAt = '2020-01-15T09:00:00.000Z';
const ref = 'PJS-2020-0042';

const opened = (log: EventLog, caseRef = ref, data: Partial<JudicialCaseOpened['data']> = {}, recordedAt?: string) =>
  log.record(judicialCaseStreamId(caseRef), 'JudicialCaseOpened', { caseRef, category: 'terrorism', openedAt, ...data }, { occurredAt: data.openedAt ?? openedAt, ...(recordedAt && { recordedAt }) });
const counted = (log: EventLog, type: 'DetentionsRecorded' | 'ConvictionsRecorded', data: Omit<PeopleCount, 'caseRef'>) =>
  log.record(judicialCaseStreamId(ref), type, { caseRef: ref, ...data }, { occurredAt: data.at });

const openView: JudicialCaseView = { caseRef: ref, category: 'terrorism', openedAt, recordedAt: openedAt, status: 'under-investigation', statuses: [], detentions: [], convictions: [] };

describe('judicial-cases projection', () => {
  it('JudicialCaseOpened: a case under investigation, no history yet', () => {
    const log = new EventLog();
    spec.given([]).when(opened(log)).then({ [ref]: openView });
  });

  it('JudicialCaseStatusChanged: the current status and every change, with when it was recorded', () => {
    const log = new EventLog();
    const at = '2020-03-01T10:00:00.000Z';
    spec
      .given([opened(log)])
      .when(log.record(judicialCaseStreamId(ref), 'JudicialCaseStatusChanged', { caseRef: ref, status: 'referred-to-trial', at }, { occurredAt: at, recordedAt: '2020-03-02T08:00:00.000Z' }))
      .then({ [ref]: { ...openView, status: 'referred-to-trial', statuses: [{ status: 'referred-to-trial', at, recordedAt: '2020-03-02T08:00:00.000Z' }] } });
  });

  it('DetentionsRecorded and ConvictionsRecorded: counts kept one by one, never summed away', () => {
    const log = new EventLog();
    const d1 = { people: 3, at: '2020-02-10T08:00:00.000Z', crimesAgainstPeacekeepers: true };
    const d2 = { people: 2, at: '2020-02-12T08:00:00.000Z', crimesAgainstPeacekeepers: false };
    const c1 = { people: 1, at: '2020-04-01T08:00:00.000Z', crimesAgainstPeacekeepers: true };
    spec
      .given([opened(log)])
      .when([counted(log, 'DetentionsRecorded', d1), counted(log, 'DetentionsRecorded', d2), counted(log, 'ConvictionsRecorded', c1)])
      .then({ [ref]: { ...openView, detentions: [{ ...d1, recordedAt: d1.at }, { ...d2, recordedAt: d2.at }], convictions: [{ ...c1, recordedAt: c1.at }] } });
  });

  it('columns: category, current status, opening and record times', () => {
    const log = new EventLog();
    spec.given([]).when(opened(log, ref, { category: 'other' }, '2020-01-20T00:00:00.000Z')).thenColumns({
      [ref]: { category: 'other', status: 'under-investigation', opened_at: openedAt, recorded_at: '2020-01-20T00:00:00.000Z' },
    });
  });

  it('a change to a case never opened creates nothing', () => {
    const log = new EventLog();
    spec.given([]).when(counted(log, 'DetentionsRecorded', { people: 1, at: openedAt, crimesAgainstPeacekeepers: true })).then({ [ref]: undefined });
  });
});
