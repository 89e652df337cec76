import { randomUUID } from 'node:crypto';
import { at, KEYS, OGOSSAGOU } from './alert-flow';

export type Acknowledged = Readonly<{ key: string; id: string; position: number }>;

export type Load = Readonly<{
  /** Every write answered 201, each once, by its Idempotency-Key. */
  acknowledged: () => readonly Acknowledged[];
  /** Answers other than 201 seen on the way (503 while a part is down, a refused connection). */
  faults: () => ReadonlyMap<string, number>;
  /** Stops taking new writes and waits until every write begun is acknowledged. */
  stop: () => Promise<void>;
}>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const DAY = '2020-06-01';

/**
 * Writers posting incidents as a careful client would: each write has its own
 * Idempotency-Key and is repeated with the same key and body until it is answered 201 —
 * through 503s, refused connections and lost answers (a command-api killed after its
 * commit). So "acknowledged" is exactly what a client was told is stored, and a write stored
 * twice would show as a second event, never as a second acknowledgement.
 */
export const startLoad = (writeUrl: () => string, writers: number, pauseMs = 20): Load => {
  const acknowledged: Acknowledged[] = [];
  const faults = new Map<string, number>();
  let stopping = false;
  const fault = (what: string) => faults.set(what, (faults.get(what) ?? 0) + 1);

  const writeOnce = async (): Promise<void> => {
    const key = randomUUID();
    const body = JSON.stringify({ occurredAt: `${DAY}T10:00:00Z`, location: at(OGOSSAGOU, { cercle: 'Koro' }), kind: 'looting', description: key });
    for (;;) {
      try {
        const response = await fetch(`${writeUrl()}/incidents`, {
          method: 'POST',
          headers: { authorization: `Bearer ${KEYS.ops}`, 'content-type': 'application/json', 'idempotency-key': key },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        const text = await response.text();
        if (response.status === 201) {
          const { id, position } = JSON.parse(text) as { id: string; position: number };
          acknowledged.push({ key, id, position });
          return;
        }
        // Anything but "down for now" is a failure of the system under test: say so loudly.
        if (response.status !== 503) throw new Error(`POST /incidents answered ${response.status}: ${text}`);
        fault('503');
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('POST /incidents answered')) throw error;
        fault((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name);
      }
      await sleep(100);
    }
  };

  const writer = async (): Promise<void> => {
    while (!stopping) {
      await writeOnce();
      await sleep(pauseMs);
    }
  };
  const running = Promise.all(Array.from({ length: writers }, writer));
  return {
    acknowledged: () => acknowledged,
    faults: () => faults,
    stop: async () => {
      stopping = true;
      await running;
    },
  };
};
