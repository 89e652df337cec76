import type { Decider } from '../shared/domain-event';
import type { AlertEvent } from './alert.events';
import { evolveAlert, initialAlertState, type AlertState } from './alert.state';
import { closeAlert, type CloseAlert } from './close-alert.command';
import { eraseCaller, type EraseCaller } from './erase-caller.command';
import { linkAlertToIncident, type LinkAlertToIncident } from './link-alert-to-incident.command';
import { receiveAlert, type ReceiveAlert } from './receive-alert.command';
import { triageAlert, type TriageAlert } from './triage-alert.command';

export type AlertCommand = ReceiveAlert | TriageAlert | CloseAlert | EraseCaller | LinkAlertToIncident;

export const alertStreamId = (alertId: string): string => `alert-${alertId}`;

export const alertDecider: Decider<AlertState, AlertCommand, AlertEvent> = {
  initialState: initialAlertState,
  evolve: evolveAlert,
  decide: (command, state) => {
    switch (command.type) {
      case 'ReceiveAlert':
        return receiveAlert(command, state);
      case 'TriageAlert':
        return triageAlert(command, state);
      case 'CloseAlert':
        return closeAlert(command, state);
      case 'EraseCaller':
        return eraseCaller(command, state);
      case 'LinkAlertToIncident':
        return linkAlertToIncident(command, state);
    }
  },
};
