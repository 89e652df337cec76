export * from './supplies.events';
export * from './supply-delivery.state';
export * from './supply-delivery.decider';
export type { RecordSupplyDelivery } from './record-supply-delivery.command';
