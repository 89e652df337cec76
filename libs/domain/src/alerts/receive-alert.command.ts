import type { Command } from '../shared/domain-event';
import { conflict, invalid } from '../shared/domain-error';
import { toLocation, type LocationInput } from '../shared/location';
import { assertNotInFuture } from '../shared/time';
import {
  CREDIBILITY_GRADES,
  NOT_GRADED_AT_INTAKE,
  RELIABILITY_GRADES,
  type AlertReceived,
  type AlertReceivedData,
  type SealedCaller,
  type Credibility,
  type IntakeGrading,
  type Reliability,
} from './alert.events';
import type { AlertState } from './alert.state';

/** What the operator states, in the event's own terms; the place as given, before it is located. */
export type ReceiveAlert = Command<
  'ReceiveAlert',
  Pick<AlertReceivedData, 'alertId' | 'channel' | 'receivedAt' | 'threat' | 'description'> & {
    location: LocationInput;
    /** Sealed by the caller vault before the command is built: plaintext never reaches the domain. */
    caller?: SealedCaller;
    /** Source reliability at intake (Admiralty A–F); omitted: F, cannot be judged. */
    reliability?: Reliability;
    /** Information credibility at intake (Admiralty 1–6); omitted: 6, cannot be judged. */
    credibility?: number;
  }
>;

const isReliability = (value: unknown): value is Reliability => (RELIABILITY_GRADES as readonly unknown[]).includes(value);
const isCredibility = (value: unknown): value is Credibility => (CREDIBILITY_GRADES as readonly unknown[]).includes(value);

/** Each part the operator leaves out is "cannot be judged" (F, 6): see NOT_GRADED_AT_INTAKE. */
const intakeGrading = ({ reliability = NOT_GRADED_AT_INTAKE.reliability, credibility = NOT_GRADED_AT_INTAKE.credibility }: ReceiveAlert['data']): IntakeGrading => {
  if (!isReliability(reliability)) throw invalid(`reliability must be one of ${RELIABILITY_GRADES.join(', ')}`, 'reliability');
  if (!isCredibility(credibility)) throw invalid('credibility must be an integer from 1 to 6', 'credibility');
  return { reliability, credibility };
};

export const receiveAlert = ({ data, context }: ReceiveAlert, state: AlertState): AlertReceived[] => {
  if (state.status !== 'unknown') throw conflict(`alert ${data.alertId} was already received`);
  assertNotInFuture(data.receivedAt, context.now, 'receivedAt');
  const grading = intakeGrading(data);
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
        intakeGrading: grading,
        ...(data.description !== undefined && { description: data.description }),
        ...(data.caller !== undefined && { caller: data.caller }),
      },
    },
  ];
};
