// Test kit: the contract every caller-key store passes. Never imported by production code.
export * from './caller-key-store.contract';
