import type { Command } from '../shared/domain-event';
import { conflict } from '../shared/domain-error';
import { toLocation, type LocationInput } from '../shared/location';
import { assertNotInFuture } from '../shared/time';
import type { AlertChannel, AlertReceived, Caller, ThreatKind } from './alert.events';
import type { AlertState } from './alert.state';

export type ReceiveAlert = Command<
  'ReceiveAlert',
  {
    alertId: string;
    channel: AlertChannel;
    receivedAt: string;
    location: LocationInput;
    threat: { kind: ThreatKind; expectedAt?: string };
    description?: string;
    caller?: Caller;
  }
>;

export const receiveAlert = ({ data, context }: ReceiveAlert, state: AlertState): AlertReceived[] => {
  if (state.status !== 'unknown') throw conflict(`alert ${data.alertId} was already received`);
  assertNotInFuture(data.receivedAt, context.now, 'receivedAt');
  return [
    {
      type: 'AlertReceived',
      occurredAt: data.receivedAt,
      data: {
        alertId: data.alertId,
        channel: data.channel,
        receivedAt: data.receivedAt,
        location: toLocation(data.location),
        // expectedAt may lie ahead: it is when the caller fears the attack will come.
        threat: { kind: data.threat.kind, ...(data.threat.expectedAt && { expectedAt: data.threat.expectedAt }) },
        ...(data.description !== undefined && { description: data.description }),
        ...(data.caller !== undefined && { caller: data.caller }),
      },
    },
  ];
};
