export * from './kafka/event-codec';
export * from './kafka/kafka-topics';
export * from './kafka/kafka-projector';
export * from './relay/relay.ports';
export * from './relay/event-relay';
export * from './postgres/postgres-relay-lease';
export * from './postgres/postgres-relay-checkpoints';
