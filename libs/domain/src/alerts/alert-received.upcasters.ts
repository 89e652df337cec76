import type { Location } from '../shared/location';
import { eventSchema } from '../shared/upcasting';
import { NOT_GRADED_AT_INTAKE, type AlertChannel, type AlertReceivedData, type Caller, type ThreatKind } from './alert.events';

/**
 * `AlertReceived` data as schema v1 stored it (until intake grading existed). Frozen: it
 * describes rows already on disk, so it never follows later changes of `AlertReceivedData`.
 */
export type AlertReceivedV1Data = Readonly<{
  alertId: string;
  channel: AlertChannel;
  receivedAt: string;
  location: Location;
  threat: Readonly<{ kind: ThreatKind; expectedAt?: string }>;
  description?: string;
  caller?: Caller;
}>;

/**
 * v1 → v2: v2 adds the intake grading (Admiralty code). A v1 report was never graded at
 * intake, and nothing in it tells how reliable its source or how credible its content was,
 * so it reads as F6, "cannot be judged": neither guessed nor left undefined.
 */
export const alertReceivedV1toV2 = (v1: AlertReceivedV1Data): AlertReceivedData => ({
  ...v1,
  intakeGrading: { ...NOT_GRADED_AT_INTAKE },
});

/** AlertReceived: v1 (2020) → v2 (intake grading). Add v2 → v3 at the end, never change a step. */
export const ALERT_RECEIVED_SCHEMA = eventSchema(alertReceivedV1toV2);
