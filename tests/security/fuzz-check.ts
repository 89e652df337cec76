import fc from 'fast-check';
import { bearer, type InProcessApp } from '../support/in-process-app';
import { ENDPOINTS, seedIds, type Endpoint, type Post } from './fuzz-endpoints';
import { describeRequest, requestsFor, toInject, type FuzzRequest } from './fuzz-requests';

const clip = (text: string, max = 600): string => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

/**
 * The properties of every write: no 5xx; a refusal is problem+json and stores nothing.
 * The position is read right before and after, so a request that may store still can.
 */
export const assertHandledSafely = async (running: InProcessApp, request: FuzzRequest, seen?: Map<string, number>): Promise<number> => {
  const store = running.infra.eventStore;
  const before = await store.lastPosition();
  const res = await running.app.inject(toInject(request));
  const after = await store.lastPosition();
  const key = `${res.statusCode} ${request.kind}`;
  seen?.set(key, (seen.get(key) ?? 0) + 1);
  const what = `${describeRequest(request)}\n→ ${res.statusCode} ${res.headers['content-type'] ?? ''} ${clip(res.body)}`;
  if (res.statusCode >= 500) throw new Error(`server error\n${what}`);
  if (res.statusCode >= 400) {
    if (!String(res.headers['content-type'] ?? '').startsWith('application/problem+json')) throw new Error(`4xx without problem+json\n${what}`);
    if (after !== before) throw new Error(`stored after a ${res.statusCode}: position ${before} → ${after}\n${what}`);
  } else if (res.statusCode < 200 || res.statusCode >= 300) {
    throw new Error(`unexpected status\n${what}`);
  }
  return res.statusCode;
};

/**
 * A request with a 100 000-element array takes up to half a second on a busy machine. Past
 * jest's timeout the property would go on in the background, racing the next endpoint's
 * run against the same app: fast-check stops itself a little earlier.
 */
const budgetMs = (numRuns: number): number => Math.max(60_000, numRuns * 500);

export const injectPost = (running: InProcessApp): Post => async (path, body) => {
  const res = await running.app.inject({ method: 'POST', url: path, headers: bearer('admin'), payload: body as object });
  return { status: res.statusCode, body: res.json() };
};

export type FuzzOptions = Readonly<{ numRuns: number; seedPerKind?: number }>;

/**
 * One jest test per endpoint, against an app the caller starts (SQLite or PostgreSQL).
 * FUZZ_SEED and FUZZ_RUNS reproduce or widen a run: `FUZZ_SEED=123 FUZZ_RUNS=2000 npx jest …`.
 */
export const fuzzEveryWriteEndpoint = (start: () => Promise<InProcessApp>, options: FuzzOptions): void => {
  let running: InProcessApp;
  let ids: Awaited<ReturnType<typeof seedIds>>;
  beforeAll(async () => {
    running = await start();
    ids = await seedIds(injectPost(running), options.seedPerKind);
  });
  afterAll(async () => {
    await running?.close();
  });

  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  const numRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : options.numRuns;

  it.each(ENDPOINTS.map((e) => [e.path, e] as [string, Endpoint]))('POST %s: never a 5xx, refusals are problem+json and store nothing', async (_, endpoint) => {
    // FUZZ_STATS=1 shows which statuses each kind of request met: whether fuzzing gets past validation.
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(requestsFor(endpoint, endpoint.parent ? ids[endpoint.parent] : []), async (request) => {
        await assertHandledSafely(running, request, seen);
      }),
      { numRuns, ...(seed !== undefined && { seed }), interruptAfterTimeLimit: budgetMs(numRuns) - 5_000 },
    );
    if (process.env.FUZZ_STATS === '1') process.stderr.write(`${endpoint.path}: ${[...seen].sort().map(([k, n]) => `${k}×${n}`).join(', ')}\n`);
  }, budgetMs(numRuns));
};
