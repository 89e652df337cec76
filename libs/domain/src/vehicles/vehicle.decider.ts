import type { Decider } from '../shared/domain-event';
import { changeVehicleStatus, type ChangeVehicleStatus } from './change-vehicle-status.command';
import { registerVehicle, vehicleIdOf, type RegisterVehicle } from './register-vehicle.command';
import type { VehicleEvent } from './vehicle.events';
import { evolveVehicle, initialVehicleState, type VehicleState } from './vehicle.state';
import { writeOffVehicle, type WriteOffVehicle } from './write-off-vehicle.command';

export type VehicleCommand = RegisterVehicle | ChangeVehicleStatus | WriteOffVehicle;

/** Named by the registration, so registering one twice meets the first stream: a conflict, not a second vehicle. */
export const vehicleStreamId = (registration: string): string => `vehicle-${vehicleIdOf(registration)}`;

export const vehicleDecider: Decider<VehicleState, VehicleCommand, VehicleEvent> = {
  initialState: initialVehicleState,
  evolve: evolveVehicle,
  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterVehicle':
        return registerVehicle(command, state);
      case 'ChangeVehicleStatus':
        return changeVehicleStatus(command, state);
      case 'WriteOffVehicle':
        return writeOffVehicle(command, state);
    }
  },
};
