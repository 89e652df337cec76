import type { Command } from '../shared/domain-event';
import { conflict, invalid } from '../shared/domain-error';
import { assertNotInFuture } from '../shared/time';
import type { SuppliesDelivered, SupplyEvent } from './supplies.events';
import type { SupplyDeliveryState } from './supply-delivery.state';

export type RecordSupplyDelivery = Command<'RecordSupplyDelivery', SuppliesDelivered['data']>;

export const recordSupplyDelivery = ({ data, context }: RecordSupplyDelivery, state: SupplyDeliveryState): SupplyEvent[] => {
  if (state.recorded) throw conflict(`delivery ${data.deliveryId} was already recorded`);
  // The institution is how deliveries are counted per court or prison: a blank one counts nowhere.
  if (data.institution.trim() === '') throw invalid('institution must name the court or prison', 'institution');
  assertNotInFuture(data.deliveredAt, context.now, 'deliveredAt');
  const { deliveryId, institutionKind, institution, deliveredAt, supplies, cercle, region } = data;
  const place = { ...(cercle !== undefined && { cercle }), ...(region !== undefined && { region }) };
  return [{ type: 'SuppliesDelivered', occurredAt: deliveredAt, data: { deliveryId, institutionKind, institution, deliveredAt, supplies, ...place } }];
};
