import type { VehicleEvent, VehicleStatus } from './vehicle.events';

export type VehicleState =
  | Readonly<{ status: 'unknown' }>
  | Readonly<{ status: VehicleStatus | 'written-off'; vehicleId: string; since: string }>;

export const initialVehicleState = (): VehicleState => ({ status: 'unknown' });

export const evolveVehicle = (state: VehicleState, event: VehicleEvent): VehicleState => {
  switch (event.type) {
    case 'VehicleRegistered':
      return { status: event.data.status, vehicleId: event.data.vehicleId, since: event.data.registeredAt };
    case 'VehicleStatusChanged':
      return state.status === 'unknown' ? state : { ...state, status: event.data.status, since: event.data.at };
    case 'VehicleWrittenOff':
      return state.status === 'unknown' ? state : { ...state, status: 'written-off', since: event.data.at };
  }
};
