import type { DomainEvent } from '../shared/domain-event';

/** Where a vehicle of the fleet stands; a written-off vehicle has left the fleet (VehicleWrittenOff). */
export const VEHICLE_STATUSES = ['in-use', 'under-maintenance', 'unusable'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

/** Why a vehicle is unusable: the letter separates IED damage from other damage the mission cannot repair. */
export const VEHICLE_DAMAGE_CAUSES = ['ied-damage', 'hostile-fire', 'accident', 'damage-beyond-repair', 'other'] as const;
export type VehicleDamageCause = (typeof VEHICLE_DAMAGE_CAUSES)[number];

export type VehicleRegistered = DomainEvent<
  'VehicleRegistered',
  Readonly<{
    /** The registration, normalised (vehicleIdOf): the stream's id. */
    vehicleId: string;
    /** As the register writes it. */
    registration: string;
    contingent: string;
    /** Model or class, e.g. "Casspir", "APC". */
    type: string;
    registeredAt: string;
    /** The status it entered the register in: a register is often taken from an inventory. */
    status: VehicleStatus;
    cause?: VehicleDamageCause;
    note?: string;
  }>
>;

export type VehicleStatusChanged = DomainEvent<
  'VehicleStatusChanged',
  Readonly<{ vehicleId: string; status: VehicleStatus; at: string; cause?: VehicleDamageCause; note?: string }>
>;

export type VehicleWrittenOff = DomainEvent<'VehicleWrittenOff', Readonly<{ vehicleId: string; at: string; reason?: string }>>;

export type VehicleEvent = VehicleRegistered | VehicleStatusChanged | VehicleWrittenOff;
