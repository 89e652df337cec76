import { conflict, notFound } from '../shared/domain-error';
import type { VehicleStatus } from './vehicle.events';
import type { VehicleState } from './vehicle.state';

/** A registered vehicle still in the fleet: nothing is recorded after a write-off. */
export const assertInFleet = (state: VehicleState, vehicleId: string): Readonly<{ status: VehicleStatus; since: string }> => {
  if (state.status === 'unknown') throw notFound(`vehicle ${vehicleId}`);
  if (state.status === 'written-off') throw conflict(`vehicle ${vehicleId} was written off on ${state.since}`);
  return { status: state.status, since: state.since };
};
