import type { Command } from '../shared/domain-event';
import { conflict } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import type { VehicleEvent, VehicleStatusChanged } from './vehicle.events';
import type { VehicleState } from './vehicle.state';
import { assertInFleet } from './assert-in-fleet';
import { assertCauseFits } from './vehicle-status-rules';

export type ChangeVehicleStatus = Command<'ChangeVehicleStatus', VehicleStatusChanged['data']>;

/** One status at a time, each from the moment the last one ended: history never reorders. */
export const changeVehicleStatus = ({ data, context }: ChangeVehicleStatus, state: VehicleState): VehicleEvent[] => {
  const current = assertInFleet(state, data.vehicleId);
  if (current.status === data.status) throw conflict(`vehicle ${data.vehicleId} is already ${data.status}`);
  assertCauseFits(data.status, data.cause);
  assertNotInFuture(data.at, context.now, 'at');
  assertNotBefore(data.at, current.since, 'at', 'its last status change');
  const changed: VehicleStatusChanged['data'] = {
    vehicleId: data.vehicleId,
    status: data.status,
    at: data.at,
    ...(data.cause !== undefined && { cause: data.cause }),
    ...(data.note !== undefined && { note: data.note }),
  };
  return [{ type: 'VehicleStatusChanged', occurredAt: data.at, data: changed }];
};
