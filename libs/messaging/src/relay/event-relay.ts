import type { Producer } from 'kafkajs';
import { followAll, type EventStore, type Subscription } from '@poc/event-store';
import { toMessage } from '../kafka/event-codec';
import type { RelayCheckpoints, RelayLease } from './relay.ports';

export type RelayStatus = Readonly<{ leader: boolean; position: number; lastError?: string }>;

/**
 * The events table is the outbox: tail it from the checkpoint, publish each batch with
 * acks from all in-sync replicas, and only then move the checkpoint. A crash between the
 * two republishes the batch: delivery is at least once, and projectors make it once in effect.
 *
 * The checkpoint is saved behind the publishing, not before the next batch: its commit (an
 * fsync in PostgreSQL) used to sit on every batch's path, and so on every event's way to the
 * read models (tests/perf/freshness.bench.ts). One save at a time, of the latest published
 * position; saves only ever move it forward (GREATEST), so a late one cannot undo a newer
 * one, and a crash before it lands republishes a little more — still at least once.
 */
export class EventRelay {
  private subscription?: Subscription;
  private state: { leader: boolean; position: number; lastError?: string } = { leader: false, position: 0 };
  /** The latest published position not yet handed to a save, and the save under way. */
  private unsaved?: number;
  private saving?: Promise<void>;

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
    this.state.position = last;
    delete this.state.lastError;
    this.unsaved = last;
    this.saving ??= this.saveCheckpoints();
  }

  /** Saves the latest published position until none is left; a failed save waits for the next batch (or stop). */
  private async saveCheckpoints(): Promise<void> {
    try {
      for (let position = this.unsaved; position !== undefined; position = this.unsaved) {
        this.unsaved = undefined;
        try {
          await this.checkpoints.save(position);
        } catch (error) {
          this.unsaved ??= position;
          this.state.lastError = error instanceof Error ? error.message : String(error);
          return;
        }
      }
    } finally {
      this.saving = undefined;
    }
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    // The last published position, saved before another relay may take the lease.
    await this.saving;
    if (this.unsaved !== undefined) await this.saveCheckpoints();
    await this.lease.release();
    this.state.leader = false;
  }
}
