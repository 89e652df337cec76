import type { JudicialCaseCategory, JudicialCaseEvent, JudicialCaseStatus, PeopleCount, Stored, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

/** A fact about a case with the world time it refers to and when the store took it. */
type Dated = Readonly<{ at: string; recordedAt: string }>;
export type CaseStatusEntry = Dated & Readonly<{ status: JudicialCaseStatus }>;
export type CaseCountEntry = Dated & Readonly<{ people: number; crimesAgainstPeacekeepers: boolean }>;

/**
 * A case of the specialised judicial unit with its whole history, so its status and counts
 * can be read on any date as known at any time (judicialSummary). A reference and counts:
 * nothing names a person.
 */
export type JudicialCaseView = Readonly<{
  caseRef: string;
  category: JudicialCaseCategory;
  openedAt: string;
  recordedAt: string;
  /** The current status (the last change); `statuses` holds every change in order. */
  status: JudicialCaseStatus;
  statuses: readonly CaseStatusEntry[];
  detentions: readonly CaseCountEntry[];
  convictions: readonly CaseCountEntry[];
}>;

const counted = ({ people, at, crimesAgainstPeacekeepers }: PeopleCount, recordedAt: string): CaseCountEntry => ({ people, at, crimesAgainstPeacekeepers, recordedAt });

const evolve = (doc: JudicialCaseView | undefined, stored: StoredEvent): JudicialCaseView | undefined => {
  // The runner passes only the types in `handles`; one stream per case keeps them in order.
  const event = stored as Stored<JudicialCaseEvent>;
  switch (event.type) {
    case 'JudicialCaseOpened': {
      const { caseRef, category, openedAt } = event.data;
      return { caseRef, category, openedAt, recordedAt: event.recordedAt, status: 'under-investigation', statuses: [], detentions: [], convictions: [] };
    }
    case 'JudicialCaseStatusChanged':
      if (!doc) return doc;
      return { ...doc, status: event.data.status, statuses: [...doc.statuses, { status: event.data.status, at: event.data.at, recordedAt: event.recordedAt }] };
    case 'DetentionsRecorded':
      return doc && { ...doc, detentions: [...doc.detentions, counted(event.data, event.recordedAt)] };
    case 'ConvictionsRecorded':
      return doc && { ...doc, convictions: [...doc.convictions, counted(event.data, event.recordedAt)] };
    default:
      return doc;
  }
};

export const judicialCasesProjection: Projection<JudicialCaseView> = {
  name: 'judicial-cases',
  version: 1,
  collection: {
    name: 'judicial_cases',
    columns: { category: 'text', status: 'text', opened_at: 'text', recorded_at: 'text' },
    indexes: [['opened_at']],
  },
  handles: ['JudicialCaseOpened', 'JudicialCaseStatusChanged', 'DetentionsRecorded', 'ConvictionsRecorded'],
  keysOf: (event) => [(event as Stored<JudicialCaseEvent>).data.caseRef],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({ category: view.category, status: view.status, opened_at: view.openedAt, recorded_at: view.recordedAt }),
};
