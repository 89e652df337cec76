// Test kit: event builders, given / when / then for projections, and the contract every
// read-model store passes. Never imported by production code (.dependency-cruiser.js).
export * from './events';
export * from './projection-specification';
export * from './read-model-store.contract';
