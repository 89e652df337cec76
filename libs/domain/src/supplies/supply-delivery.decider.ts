import type { Decider } from '../shared/domain-event';
import { recordSupplyDelivery, type RecordSupplyDelivery } from './record-supply-delivery.command';
import type { SupplyEvent } from './supplies.events';
import { evolveSupplyDelivery, initialSupplyDeliveryState, type SupplyDeliveryState } from './supply-delivery.state';

export type SupplyDeliveryCommand = RecordSupplyDelivery;

export const supplyDeliveryStreamId = (deliveryId: string): string => `delivery-${deliveryId}`;

export const supplyDeliveryDecider: Decider<SupplyDeliveryState, SupplyDeliveryCommand, SupplyEvent> = {
  initialState: initialSupplyDeliveryState,
  evolve: evolveSupplyDelivery,
  decide: (command, state) => recordSupplyDelivery(command, state),
};
