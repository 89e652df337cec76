import type { Command } from '../shared/domain-event';
import { conflict } from '../shared/domain-error';
import { toLocation, type LocationInput } from '../shared/location';
import { assertNotInFuture } from '../shared/time';
import type { IedDetected, IedEvent, IedStatus } from './ied.events';
import { evolveIed, type IedState } from './ied.state';
import { resolveIed } from './resolve-ied';

export type DetectIed = Command<
  'DetectIed',
  {
    iedId: string;
    detectedAt: string;
    location: LocationInput;
    status: IedStatus;
    unit?: string;
    convoyId?: string;
    method?: string;
    casualties?: number;
    /** The supply route it was on; none (null) when not given. */
    axis?: string;
  }
>;

/** A report may say the device was already dealt with: one command, two facts. */
export const detectIed = ({ data, context }: DetectIed, state: IedState): IedEvent[] => {
  if (state.status !== 'unknown') throw conflict(`IED ${data.iedId} was already reported`);
  assertNotInFuture(data.detectedAt, context.now, 'detectedAt');
  const detected: IedDetected = {
    type: 'IedDetected',
    occurredAt: data.detectedAt,
    data: {
      iedId: data.iedId,
      detectedAt: data.detectedAt,
      location: toLocation(data.location),
      ...(data.unit !== undefined && { unit: data.unit }),
      ...(data.convoyId !== undefined && { convoyId: data.convoyId }),
      ...(data.method !== undefined && { method: data.method }),
      axis: data.axis ?? null,
    },
  };
  if (data.status === 'detected') return [detected];
  const outcome = { iedId: data.iedId, at: data.detectedAt, ...(data.casualties !== undefined && { casualties: data.casualties }) };
  const type = data.status === 'neutralized' ? 'IedNeutralized' : 'IedDetonated';
  return [detected, ...resolveIed(type, outcome, evolveIed(state, detected), context.now)];
};
