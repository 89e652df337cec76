/**
 * Measures when a write becomes visible in the query API: for each sampled write, GET
 * /alerts/{id} until it answers 200. It runs in a worker thread, so the load generator's
 * event loop (autocannon, in the main thread) cannot delay a poll, and vice versa.
 *
 * Every tick, each pending sample without a GET in flight gets one, so the extra load on the
 * query API is at most (sampled writes/s × mean latency ÷ tick) GETs per second, and the
 * resolution is one tick plus one GET. Times are absolute (timeOrigin + now) so both threads agree.
 */
import { Worker } from 'node:worker_threads';

/** `latencies` in ms; `at[i]`: when sample i's 201 arrived, in s from the poller's start (a stall shows as a run of slow ones). */
export type VisibilityResult = Readonly<{ latencies: number[]; at: number[]; polls: number; timedOut: number; errors: number; seconds: number }>;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, auth, tickMs, timeoutMs } = workerData;
const now = () => performance.timeOrigin + performance.now();
const pending = new Map();
const latencies = [];
const at = [];
let polls = 0, timedOut = 0, errors = 0, stopping = false;
const started = now();
parentPort.on('message', (m) => {
  if (m.type === 'sample') pending.set(m.id, m.t0);
  else stopping = true;
});
const check = async (id, t0) => {
  polls++;
  try {
    const res = await fetch(url + '/alerts/' + id, { headers: { authorization: auth } });
    await res.arrayBuffer();
    if (res.status === 200) { latencies.push(now() - t0); at.push((t0 - started) / 1000); pending.delete(id); return; }
    if (res.status !== 404) errors++;
  } catch { errors++; }
  if (now() - t0 > timeoutMs) { timedOut++; pending.delete(id); }
};
// One GET in flight per sample, each sample on its own: a slow answer for one must not hold
// back the first GET of the samples that arrive meanwhile (waiting for all of a tick's GETs
// charged one slow GET to every later sample as well).
const inFlight = new Set();
const loop = async () => {
  while (!stopping || pending.size > 0) {
    const tick = now();
    for (const [id, t0] of pending) {
      if (inFlight.has(id)) continue;
      inFlight.add(id);
      check(id, t0).finally(() => inFlight.delete(id));
    }
    const wait = tickMs - (now() - tick);
    await new Promise((r) => setTimeout(r, Math.max(0, wait)));
  }
  parentPort.postMessage({ latencies, at, polls, timedOut, errors, seconds: (now() - started) / 1000 });
};
// Node loads and compiles fetch (undici) on its first call, 0.1–0.4 s on this machine:
// samples taken meanwhile would all look that much late. So one GET first, then "ready".
fetch(url + '/health').then((res) => res.arrayBuffer(), () => undefined).finally(() => {
  parentPort.postMessage({ ready: true });
  loop();
});
`;

export type Poller = Readonly<{
  /** A write answered 201 at absolute time t0 (ms): find out when it shows. */
  sample: (id: string, t0: number) => void;
  /** Stops taking samples; resolves when every pending one is visible or timed out. */
  finish: () => Promise<VisibilityResult>;
}>;

export const absoluteNow = (): number => performance.timeOrigin + performance.now();

/** Resolves once the worker runs and has fetched once: samples sent before would wait for its start-up and look slow. */
export const startPoller = async (options: { url: string; auth: string; tickMs: number; timeoutMs: number }): Promise<Poller> => {
  const worker = new Worker(WORKER, { eval: true, workerData: options });
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  await ready;
  const done = new Promise<VisibilityResult>((resolve, reject) => {
    worker.once('message', (result: VisibilityResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  return {
    sample: (id, t0) => worker.postMessage({ type: 'sample', id, t0 }),
    finish: () => {
      worker.postMessage({ type: 'stop' });
      return done;
    },
  };
};
