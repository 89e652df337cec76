import type { Command } from '../shared/domain-event';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import type { VehicleEvent, VehicleWrittenOff } from './vehicle.events';
import type { VehicleState } from './vehicle.state';
import { assertInFleet } from './assert-in-fleet';

export type WriteOffVehicle = Command<'WriteOffVehicle', VehicleWrittenOff['data']>;

/** The vehicle leaves the fleet for good, from `at` on. */
export const writeOffVehicle = ({ data, context }: WriteOffVehicle, state: VehicleState): VehicleEvent[] => {
  const current = assertInFleet(state, data.vehicleId);
  assertNotInFuture(data.at, context.now, 'at');
  assertNotBefore(data.at, current.since, 'at', 'its last status change');
  const writtenOff: VehicleWrittenOff['data'] = { vehicleId: data.vehicleId, at: data.at, ...(data.reason !== undefined && { reason: data.reason }) };
  return [{ type: 'VehicleWrittenOff', occurredAt: data.at, data: writtenOff }];
};
