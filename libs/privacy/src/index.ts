export * from './caller-key-store.port';
export * from './caller-vault';
export * from './forget-caller';
export * from './redact-caller';
export * from './sqlite/sqlite-caller-key-store';
export * from './postgres/postgres-caller-key-store';
