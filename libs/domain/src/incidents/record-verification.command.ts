import type { Command } from '../shared/domain-event';
import { conflict, notFound } from '../shared/domain-error';
import type { IncidentVerificationRecorded, VerificationMethod, VerificationStatus } from './incident.events';
import type { IncidentState } from './incident.state';

export type RecordVerification = Command<
  'RecordVerification',
  { incidentId: string; status: VerificationStatus; method: VerificationMethod; note?: string }
>;

/**
 * A verification is a fact about the report, recorded now. The same status again records
 * nothing (a resent request, or a second verifier agreeing, changes no figure); a retracted
 * incident is out of every count, so there is nothing left to verify (409).
 */
export const recordVerification = ({ data, context }: RecordVerification, state: IncidentState): IncidentVerificationRecorded[] => {
  if (state.status === 'unknown') throw notFound(`incident ${data.incidentId}`);
  if (state.status === 'retracted') throw conflict(`incident ${data.incidentId} was retracted and cannot be verified`);
  if ((state.verification ?? 'unverified') === data.status) return [];
  const note = data.note?.trim();
  return [
    {
      type: 'IncidentVerificationRecorded',
      occurredAt: context.now,
      data: { incidentId: data.incidentId, status: data.status, method: data.method, ...(note && { note }), at: context.now },
    },
  ];
};
