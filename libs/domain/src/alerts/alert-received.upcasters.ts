import type { Location } from '../shared/location';
import { eventSchema } from '../shared/upcasting';
import { NOT_GRADED_AT_INTAKE, type AlertChannel, type AlertReceivedData, type Caller, type IntakeGrading, type ThreatKind } from './alert.events';

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
export const alertReceivedV1toV2 = (v1: AlertReceivedV1Data): AlertReceivedV2Data => ({
  ...v1,
  intakeGrading: { ...NOT_GRADED_AT_INTAKE },
});

/** `AlertReceived` data as schema v2 stored it: the caller still in plain text. Frozen. */
export type AlertReceivedV2Data = AlertReceivedV1Data & Readonly<{ intakeGrading: IntakeGrading }>;

/**
 * v2 → v3: v3 seals the caller. Sealing needs a key and randomness, which an upcaster (pure)
 * cannot have, and events never change; so the plaintext is dropped on read, leaving only the
 * mark that a caller was recorded. No reader, export or topic fed from reads sees it again.
 */
export const alertReceivedV2toV3 = ({ caller, ...v2 }: AlertReceivedV2Data): AlertReceivedData => ({
  ...v2,
  ...(caller !== undefined && { caller: { sealed: false } }),
});

/** AlertReceived: v1 (2020) → v2 (intake grading) → v3 (sealed caller). Add steps at the end, never change one. */
export const ALERT_RECEIVED_SCHEMA = eventSchema(alertReceivedV1toV2, alertReceivedV2toV3);
