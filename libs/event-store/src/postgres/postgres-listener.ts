import { Client, type ClientConfig, type Notification } from 'pg';
import { quote } from './postgres-schema';

export type ListenerHandlers = Readonly<{
  /** A notification on the channel (from any process, this one included). */
  onNotification: (payload: string) => void;
  /**
   * The connection came back after a drop: notifications sent meanwhile are lost, so the
   * owner should wake its followers once.
   */
  onReconnected: () => void;
  onError: (error: unknown) => void;
}>;

const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;

/**
 * One dedicated connection that LISTENs on a channel, so followers in this process are woken
 * by appends made in other processes. If the connection drops (server restart, network,
 * `pg_terminate_backend`), it reconnects with a backoff (100 ms doubling to 5 s) until
 * stopped. Notifications are only a wake-up: followers also poll, so a lost notification
 * delays them, it never makes them skip anything.
 */
export class NotificationListener {
  private client: Client | undefined;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private connecting: Promise<boolean> | undefined;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly handlers: ListenerHandlers,
  ) {}

  /** Connects once; on failure schedules reconnection and resolves false (never throws). */
  async start(): Promise<boolean> {
    return this.connect(false);
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(isReconnect: boolean): Promise<boolean> {
    this.connecting ??= this.tryConnect(isReconnect).finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async tryConnect(isReconnect: boolean): Promise<boolean> {
    if (this.stopped) return false;
    const client = new Client(this.config);
    client.on('notification', (message: Notification) => {
      if (message.channel === this.channel && message.payload !== undefined) this.handlers.onNotification(message.payload);
    });
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${quote(this.channel)}`);
    } catch (error) {
      client.removeAllListeners('end');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      this.handlers.onError(error);
      this.schedule();
      return false;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return false;
    }
    this.client = client;
    this.attempt = 0;
    if (isReconnect) this.handlers.onReconnected();
    return true;
  }

  private dropped(client: Client, error?: unknown): void {
    if (this.client !== client) return; // an old client, or one still connecting (handled there)
    this.client = undefined;
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (error !== undefined) this.handlers.onError(error);
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** this.attempt++);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(true), delay);
    // A listener that cannot connect must not keep a process alive on its own.
    this.timer.unref();
  }
}
