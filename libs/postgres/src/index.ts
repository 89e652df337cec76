export { createPool } from './create-pool';
export { checkout, inTransaction, leavesClientUnusable, withClient, type CheckoutOptions, type HeldClient } from './held-client';
