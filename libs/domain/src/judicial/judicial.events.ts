import type { DomainEvent } from '../shared/domain-event';

// A case of the specialised judicial unit is a reference and counts: the records name no
// suspect, detainee or convict (the letter reports numbers only, and names would put people
// at risk). Nothing here may ever carry a person's name.

export const JUDICIAL_CASE_CATEGORIES = ['terrorism', 'transnational-organised-crime', 'other'] as const;
export type JudicialCaseCategory = (typeof JUDICIAL_CASE_CATEGORIES)[number];

export const JUDICIAL_CASE_STATUSES = ['under-investigation', 'referred-to-trial', 'closed'] as const;
export type JudicialCaseStatus = (typeof JUDICIAL_CASE_STATUSES)[number];

/** A case opens under investigation. */
export type JudicialCaseOpened = DomainEvent<'JudicialCaseOpened', Readonly<{ caseRef: string; category: JudicialCaseCategory; openedAt: string }>>;

export type JudicialCaseStatusChanged = DomainEvent<'JudicialCaseStatusChanged', Readonly<{ caseRef: string; status: JudicialCaseStatus; at: string }>>;

/** People counted, never named; whether the crimes were against peacekeepers. */
export type PeopleCount = Readonly<{ caseRef: string; people: number; at: string; crimesAgainstPeacekeepers: boolean }>;

export type DetentionsRecorded = DomainEvent<'DetentionsRecorded', PeopleCount>;
export type ConvictionsRecorded = DomainEvent<'ConvictionsRecorded', PeopleCount>;

export type JudicialCaseEvent = JudicialCaseOpened | JudicialCaseStatusChanged | DetentionsRecorded | ConvictionsRecorded;
