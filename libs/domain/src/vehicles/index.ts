export * from './vehicle.events';
export * from './vehicle.state';
export * from './vehicle.decider';
export { vehicleIdOf, type RegisterVehicle } from './register-vehicle.command';
export type { ChangeVehicleStatus } from './change-vehicle-status.command';
export type { WriteOffVehicle } from './write-off-vehicle.command';
