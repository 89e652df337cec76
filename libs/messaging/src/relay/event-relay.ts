import type { Producer } from 'kafkajs';
import { followAll, type EventStore, type Subscription } from '@poc/event-store';
import { toMessage } from '../kafka/event-codec';
import type { RelayCheckpoints, RelayLease } from './relay.ports';

export type RelayStatus = Readonly<{ leader: boolean; position: number; lastError?: string }>;

/**
 * The events table is the outbox: tail it from the checkpoint, publish each batch with
 * acks from all in-sync replicas, and only then move the checkpoint. A crash between the
 * two republishes the batch: delivery is at least once, and projectors make it once in effect.
 */
export class EventRelay {
  private subscription?: Subscription;
  private state: { leader: boolean; position: number; lastError?: string } = { leader: false, position: 0 };

  constructor(
    private readonly store: EventStore,
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly checkpoints: RelayCheckpoints,
    private readonly lease: RelayLease,
    private readonly onLeaseLost: (reason: string) => void,
  ) {}

  get status(): RelayStatus {
    return { ...this.state };
  }

  async start(): Promise<void> {
    await this.lease.acquire();
    void this.lease.lost.then((reason) => {
      this.state.leader = false;
      void this.subscription?.stop();
      this.onLeaseLost(reason);
    });
    this.state.leader = true;
    this.state.position = await this.checkpoints.load();
    this.subscription = followAll(this.store, this.state.position, (batch) => this.publish(batch), {
      batchSize: 1000,
      retryMs: 500,
      onError: (error) => (this.state.lastError = error instanceof Error ? error.message : String(error)),
    });
  }

  private async publish(batch: Parameters<Parameters<typeof followAll>[2]>[0]): Promise<void> {
    await this.producer.send({ topic: this.topic, acks: -1, messages: batch.map(toMessage) });
    const last = batch[batch.length - 1]!.position;
    await this.checkpoints.save(last);
    this.state.position = last;
    delete this.state.lastError;
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.lease.release();
    this.state.leader = false;
  }
}
