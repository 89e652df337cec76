import type { SupplyEvent } from './supplies.events';

/** A delivery is one fact; the state only says whether its stream holds it yet. */
export type SupplyDeliveryState = Readonly<{ recorded: boolean }>;

export const initialSupplyDeliveryState = (): SupplyDeliveryState => ({ recorded: false });

export const evolveSupplyDelivery = (_state: SupplyDeliveryState, _event: SupplyEvent): SupplyDeliveryState => ({ recorded: true });
