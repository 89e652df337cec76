import type { Command } from '../shared/domain-event';
import { conflict, invalid } from '../shared/domain-error';
import { assertNotInFuture } from '../shared/time';
import type { VehicleDamageCause, VehicleEvent, VehicleStatus } from './vehicle.events';
import type { VehicleState } from './vehicle.state';
import { assertCauseFits } from './vehicle-status-rules';

export type RegisterVehicle = Command<
  'RegisterVehicle',
  {
    registration: string;
    contingent: string;
    type: string;
    registeredAt: string;
    /** In daily use when not given. */
    status?: VehicleStatus;
    cause?: VehicleDamageCause;
    note?: string;
  }
>;

/** Letters, digits and inner hyphens: a registration is also the vehicle's id in URLs and stream ids. */
const REGISTRATION = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$/;

/** One registration, one vehicle, however it is typed ("un-1234" is "UN-1234"). */
export const vehicleIdOf = (registration: string): string => registration.trim().toUpperCase();

export const registerVehicle = ({ data, context }: RegisterVehicle, state: VehicleState): VehicleEvent[] => {
  const registration = data.registration.trim();
  if (!REGISTRATION.test(registration)) throw invalid('registration must be 1–40 letters, digits or inner hyphens', 'registration');
  const vehicleId = vehicleIdOf(registration);
  if (state.status !== 'unknown') throw conflict(`vehicle ${vehicleId} is already registered`);
  assertNotInFuture(data.registeredAt, context.now, 'registeredAt');
  const status = data.status ?? 'in-use';
  assertCauseFits(status, data.cause);
  return [
    {
      type: 'VehicleRegistered',
      occurredAt: data.registeredAt,
      data: {
        vehicleId,
        registration,
        contingent: data.contingent,
        type: data.type,
        registeredAt: data.registeredAt,
        status,
        ...(data.cause !== undefined && { cause: data.cause }),
        ...(data.note !== undefined && { note: data.note }),
      },
    },
  ];
};
