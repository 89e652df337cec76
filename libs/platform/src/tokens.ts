/** Nest injection tokens for the ports; adapters are chosen by configuration at start. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const API_KEY_REGISTRY = Symbol('API_KEY_REGISTRY');
export const INFRASTRUCTURE = Symbol('INFRASTRUCTURE');
/** Optional: an app-specific position to report lag against (the relay's acknowledged position). */
export const HEALTH_LAG = Symbol('HEALTH_LAG');
/** The caller key store (apart from the events) and the vault that seals and opens callers. */
export const CALLER_KEYS = Symbol('CALLER_KEYS');
export const CALLER_VAULT = Symbol('CALLER_VAULT');
