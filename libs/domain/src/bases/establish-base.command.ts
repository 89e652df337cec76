import type { Command } from '../shared/domain-event';
import { conflict } from '../shared/domain-error';
import { toLocation, type LocationInput } from '../shared/location';
import { assertNotInFuture } from '../shared/time';
import type { OperatingBaseEstablished } from './base.events';
import type { BaseState } from './base.state';

export type EstablishBase = Command<
  'EstablishBase',
  { baseId: string; establishedAt: string; location: LocationInput; triggerIncidentId?: string; name?: string }
>;

export const establishBase = ({ data, context }: EstablishBase, state: BaseState): OperatingBaseEstablished[] => {
  if (state.status !== 'unknown') throw conflict(`base ${data.baseId} was already established`);
  assertNotInFuture(data.establishedAt, context.now, 'establishedAt');
  return [
    {
      type: 'OperatingBaseEstablished',
      occurredAt: data.establishedAt,
      data: {
        baseId: data.baseId,
        establishedAt: data.establishedAt,
        location: toLocation(data.location),
        ...(data.triggerIncidentId !== undefined && { triggerIncidentId: data.triggerIncidentId }),
        ...(data.name !== undefined && { name: data.name }),
      },
    },
  ];
};
