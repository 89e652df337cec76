import type { JudicialCaseCategory, JudicialCaseEvent, JudicialCaseStatus } from './judicial.events';

export type JudicialCaseState =
  | Readonly<{ opened: false }>
  | Readonly<{ opened: true; caseRef: string; category: JudicialCaseCategory; status: JudicialCaseStatus; openedAt: string; lastStatusAt: string }>;

export const initialJudicialCaseState = (): JudicialCaseState => ({ opened: false });

export const evolveJudicialCase = (state: JudicialCaseState, event: JudicialCaseEvent): JudicialCaseState => {
  switch (event.type) {
    case 'JudicialCaseOpened':
      return { opened: true, caseRef: event.data.caseRef, category: event.data.category, status: 'under-investigation', openedAt: event.data.openedAt, lastStatusAt: event.data.openedAt };
    case 'JudicialCaseStatusChanged':
      return state.opened ? { ...state, status: event.data.status, lastStatusAt: event.data.at } : state;
    case 'DetentionsRecorded':
    case 'ConvictionsRecorded':
      return state;
  }
};
