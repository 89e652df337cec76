import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** How long shutdown waits for open streams to write their end. */
const DRAIN_MS = 1000;

/**
 * The open live streams. A stream never ends by itself, and the HTTP server's close waits
 * for every open response: without this, app.close() hangs while a console is connected.
 * Runs before the server closes (and before the stores close, in onApplicationShutdown).
 */
@Injectable()
export class LiveStreams implements BeforeApplicationShutdown {
  private readonly open = new Map<AbortController, Promise<void>>();
  private closing = false;

  /** Runs `pump` until it ends or the app shuts down (then `signal` is aborted). */
  async run(pump: (signal: AbortSignal) => Promise<void>, abort: AbortController = new AbortController()): Promise<void> {
    if (this.closing) abort.abort();
    const running = pump(abort.signal);
    this.open.set(abort, running);
    try {
      await running;
    } finally {
      this.open.delete(abort);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    const running = [...this.open];
    for (const [abort] of running) abort.abort();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(running.map(([, done]) => done)),
      new Promise((resolve) => (timer = setTimeout(resolve, DRAIN_MS))),
    ]);
    clearTimeout(timer);
  }
}
