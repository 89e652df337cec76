import type { Decider } from '../shared/domain-event';
import { correctIncident, type CorrectIncident } from './correct-incident.command';
import type { IncidentEvent } from './incident.events';
import { evolveIncident, initialIncidentState, type IncidentState } from './incident.state';
import { reportIncident, type ReportIncident } from './report-incident.command';
import { recordVerification, type RecordVerification } from './record-verification.command';
import { retractIncident, type RetractIncident } from './retract-incident.command';

export type IncidentCommand = ReportIncident | CorrectIncident | RetractIncident | RecordVerification;

export const incidentStreamId = (incidentId: string): string => `incident-${incidentId}`;

export const incidentDecider: Decider<IncidentState, IncidentCommand, IncidentEvent> = {
  initialState: initialIncidentState,
  evolve: evolveIncident,
  decide: (command, state) => {
    switch (command.type) {
      case 'ReportIncident':
        return reportIncident(command, state);
      case 'CorrectIncident':
        return correctIncident(command, state);
      case 'RetractIncident':
        return retractIncident(command, state);
      case 'RecordVerification':
        return recordVerification(command, state);
    }
  },
};
