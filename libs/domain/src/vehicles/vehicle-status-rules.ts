import { invalid } from '../shared/domain-error';
import type { VehicleDamageCause, VehicleStatus } from './vehicle.events';

/** An unusable vehicle says why (the letter counts IED damage apart); no other status has a cause. */
export const assertCauseFits = (status: VehicleStatus, cause: VehicleDamageCause | undefined): void => {
  if (status === 'unusable' && cause === undefined) throw invalid('cause is required when the status is unusable', 'cause');
  if (status !== 'unusable' && cause !== undefined) throw invalid(`cause is given only when the status is unusable, not ${status}`, 'cause');
};
