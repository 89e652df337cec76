import { DeciderSpecification } from '@poc/domain/testing';
import type { ConvictionsRecorded, DetentionsRecorded, JudicialCaseOpened, JudicialCaseStatus, JudicialCaseStatusChanged } from './judicial.events';
import { judicialCaseDecider, judicialCaseStreamId } from './judicial-case.decider';

const now = '2020-05-20T12:00:00.000Z';
const context = { now };
const caseRef = 'PJS-2020-0042';
const openedAt = '2020-01-15T09:00:00.000Z';
const spec = DeciderSpecification.for(judicialCaseDecider);

const open = (at = openedAt) => ({ type: 'OpenJudicialCase', context, data: { caseRef, category: 'terrorism', openedAt: at } }) as const;
const change = (status: JudicialCaseStatus, at = '2020-03-01T10:00:00.000Z') => ({ type: 'ChangeJudicialCaseStatus', context, data: { caseRef, status, at } }) as const;
const count = (people: number, at = '2020-02-10T08:00:00.000Z') => ({ caseRef, people, at, crimesAgainstPeacekeepers: true });
const detain = (people = 3, at?: string) => ({ type: 'RecordDetentions', context, data: count(people, at) }) as const;
const convict = (people = 1, at = '2020-04-01T08:00:00.000Z') => ({ type: 'RecordConvictions', context, data: count(people, at) }) as const;

const opened: JudicialCaseOpened = { type: 'JudicialCaseOpened', occurredAt: openedAt, data: { caseRef, category: 'terrorism', openedAt } };
const statusChanged = (status: JudicialCaseStatus, at = '2020-03-01T10:00:00.000Z'): JudicialCaseStatusChanged => ({
  type: 'JudicialCaseStatusChanged',
  occurredAt: at,
  data: { caseRef, status, at },
});
const referred = statusChanged('referred-to-trial');
const closed = statusChanged('closed');

describe('judicial case decider', () => {
  it('names its stream judicialcase-<reference>', () => expect(judicialCaseStreamId(caseRef)).toBe('judicialcase-PJS-2020-0042'));

  describe('OpenJudicialCase', () => {
    it('opens a case', () => spec.given([]).when(open()).then([opened]));
    it('refuses to open a reference twice', () => spec.given([opened]).when(open()).thenThrows('conflict', /already opened/));
    it('opens a case registered late with the status it has reached, as two facts', () =>
      spec
        .given([])
        .when({ type: 'OpenJudicialCase', context, data: { caseRef, category: 'terrorism', openedAt, status: 'referred-to-trial', statusAt: '2020-03-01T10:00:00.000Z' } })
        .then([opened, referred]));
    it('refuses a later status without its time', () =>
      spec.given([]).when({ type: 'OpenJudicialCase', context, data: { caseRef, category: 'terrorism', openedAt, status: 'closed' } }).thenThrows('invalid', /statusAt is needed/));
    it('refuses a status time without a later status', () =>
      spec.given([]).when({ type: 'OpenJudicialCase', context, data: { caseRef, category: 'terrorism', openedAt, statusAt: openedAt } }).thenThrows('invalid', /statusAt goes with/));
    it('refuses a status time before the opening', () =>
      spec
        .given([])
        .when({ type: 'OpenJudicialCase', context, data: { caseRef, category: 'terrorism', openedAt, status: 'closed', statusAt: '2020-01-01T00:00:00.000Z' } })
        .thenThrows('invalid', /before the case was opened/));
    it('refuses an opening in the future', () => spec.given([]).when(open('2020-05-21T00:00:00.000Z')).thenThrows('invalid', /openedAt.*future/));
  });

  describe('ChangeJudicialCaseStatus', () => {
    it('refers a case to trial', () => spec.given([opened]).when(change('referred-to-trial')).then([referred]));
    it('sends a case back to investigation', () =>
      spec.given([opened, referred]).when(change('under-investigation', '2020-03-05T10:00:00.000Z')).then([statusChanged('under-investigation', '2020-03-05T10:00:00.000Z')]));
    it('closes a case', () => spec.given([opened]).when(change('closed')).then([closed]));
    it('refuses an unknown case (404)', () => spec.given([]).when(change('closed')).thenThrows('not-found', /judicial case PJS-2020-0042/));
    it('refuses the status it already has', () => spec.given([opened]).when(change('under-investigation')).thenThrows('conflict', /already under-investigation/));
    it('refuses any change to a closed case', () => spec.given([opened, closed]).when(change('under-investigation', '2020-04-01T00:00:00.000Z')).thenThrows('conflict', /is closed/));
    it('refuses a change before the opening', () => spec.given([opened]).when(change('closed', '2020-01-01T00:00:00.000Z')).thenThrows('invalid', /before the case was opened/));
    it('refuses a change before the last one', () =>
      spec.given([opened, referred]).when(change('closed', '2020-02-01T00:00:00.000Z')).thenThrows('invalid', /before its last status change/));
    it('refuses a change in the future', () => spec.given([opened]).when(change('closed', '2020-06-01T00:00:00.000Z')).thenThrows('invalid', /future/));
  });

  describe('RecordDetentions', () => {
    const detained: DetentionsRecorded = { type: 'DetentionsRecorded', occurredAt: '2020-02-10T08:00:00.000Z', data: count(3) };
    it('records how many people were detained', () => spec.given([opened]).when(detain()).then([detained]));
    it('records detentions on a case referred to trial', () => spec.given([opened, referred]).when(detain(2, '2020-03-02T00:00:00.000Z')).then((events) => expect(events).toHaveLength(1)));
    it('refuses an unknown case (404)', () => spec.given([]).when(detain()).thenThrows('not-found', /judicial case/));
    it('refuses a closed case', () => spec.given([opened, closed]).when(detain()).thenThrows('conflict', /is closed/));
    it.each([0, -1, 1.5])('refuses %p people', (people) => spec.given([opened]).when(detain(people)).thenThrows('invalid', /people must be a whole number ≥ 1/));
    it('refuses a detention before the opening', () => spec.given([opened]).when(detain(1, '2020-01-01T00:00:00.000Z')).thenThrows('invalid', /before the case was opened/));
    it('refuses a detention in the future', () => spec.given([opened]).when(detain(1, '2020-06-01T00:00:00.000Z')).thenThrows('invalid', /at .*future/));
  });

  describe('RecordConvictions', () => {
    const convicted: ConvictionsRecorded = { type: 'ConvictionsRecorded', occurredAt: '2020-04-01T08:00:00.000Z', data: count(1, '2020-04-01T08:00:00.000Z') };
    it('records convictions on a case referred to trial', () => spec.given([opened, referred]).when(convict()).then([convicted]));
    it('refuses a case still under investigation', () => spec.given([opened]).when(convict()).thenThrows('conflict', /not referred to trial/));
    it('refuses an unknown case (404)', () => spec.given([]).when(convict()).thenThrows('not-found', /judicial case/));
    it('refuses zero people', () => spec.given([opened, referred]).when(convict(0)).thenThrows('invalid', /people/));
    it('refuses a conviction in the future', () => spec.given([opened, referred]).when(convict(1, '2020-06-01T00:00:00.000Z')).thenThrows('invalid', /future/));
  });
});
