// Test kit: given / when / then for deciders. Never imported by production code (.dependency-cruiser.js).
export * from './decider-specification';
