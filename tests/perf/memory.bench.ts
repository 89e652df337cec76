/**
 * Benchmark (never run by `npm test`): memory of every app while up to a million events
 * pass through, and whether anything grows without bound.
 *
 *   npm run -s bench:memory -- [--modes embedded,kafka] [--events 1000000] [--max-seconds 1200] [--connections 20] [--no-doc]
 *
 * Per mode it starts the deployment (support/topology.ts), then writes POST /alerts as fast
 * as the write side answers (autocannon, chunks of 30 s) until `--events` events are stored
 * or `--max-seconds` have passed, with a light read load beside it (GET /alerts?limit=20,
 * 20 a second, on the query side). Every 2 s it reads each process's VmRSS (and VmHWM, the
 * kernel's peak) from /proc. Afterwards it waits until the last alert is visible on the
 * read side (relay and projectors drained), still sampling.
 *
 * Growth is judged after warm-up (the first 20% of the events): the Theil–Sen slope of RSS
 * against events written, in MB per 100,000 events. A leak of even 100 bytes an event
 * would show as ~10 MB per 100,000; "flat" here means under 2 MB per 100,000.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_KEYS, rssOf } from './support/bench-processes';
import { describeMachine, int, log as logger, machine, parseArgs, percentile, writeSection } from './support/bench-report';
import { runLoad } from './support/load';
import { startDistributed, startEmbedded, type Topology } from './support/topology';
import { ALERT_BODY } from './ingest/alert-body';

const log = logger('memory');
const args = parseArgs(process.argv.slice(2), { modes: 'embedded,kafka', events: 1_000_000, maxSeconds: 1200, connections: 20, projectors: 1, doc: true });

type Sample = Readonly<{ seconds: number; events: number; rss: Record<string, number>; peak: Record<string, number> }>;
type Measured = Readonly<{ mode: Topology['mode']; apps: string[]; samples: Sample[]; events: number; writeSeconds: number; drainSeconds: number; lastId?: string }>;

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

/**
 * Theil–Sen slope of y against x: the median of the slopes between every pair of points. RSS
 * is a sawtooth (a GC cycle, an occasional 100 MB spike); least squares let a few spikes late
 * in a run call a flat series "growing" (a first version did, on a projector at 212 → 210 →
 * 211 → 209 → 211 MB), the median of pairwise slopes does not.
 */
const slope = (xs: readonly number[], ys: readonly number[]): number => {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) if (xs[j]! > xs[i]!) slopes.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!));
  }
  return slopes.length === 0 ? 0 : percentile(slopes, 0.5);
};

const measure = async (topology: Topology): Promise<Measured> => {
  const started = Date.now();
  let events = 0;
  let lastId: string | undefined;
  const samples: Sample[] = [];
  const sample = () => {
    const rss: Record<string, number> = {};
    const peak: Record<string, number> = {};
    for (const app of topology.apps) {
      const m = rssOf(app.pid);
      if (m) {
        rss[app.name] = m.rssMb;
        peak[app.name] = m.peakMb;
      }
    }
    samples.push({ seconds: (Date.now() - started) / 1000, events, rss, peak });
  };
  sample();
  const sampler = setInterval(sample, 2000);
  // A light read load: the query side's memory under its own work, not idle.
  let reading = true;
  const reader = (async () => {
    while (reading) {
      await fetch(`${topology.readUrl}/alerts?limit=20`, { headers: auth(BENCH_KEYS.ops) }).then((r) => r.arrayBuffer()).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    while (events < args.events && (Date.now() - started) / 1000 < args.maxSeconds) {
      const result = await runLoad({
        url: topology.writeUrl,
        path: '/alerts',
        body: ALERT_BODY,
        headers: auth(BENCH_KEYS.operator),
        connections: args.connections,
        seconds: 30,
        onResponse: (status, body) => {
          if (status !== 201) return;
          events++;
          if (events % 1000 === 0) lastId = (JSON.parse(body) as { id: string }).id;
        },
      });
      log(`${topology.mode}: ${int(events)} events after ${((Date.now() - started) / 1000).toFixed(0)} s (${Math.round(result.okPerSecond)}/s); RSS ${Object.entries(samples[samples.length - 1]!.rss).map(([k, v]) => `${k} ${v.toFixed(0)} MB`).join(', ')}`);
    }
    const writeSeconds = (Date.now() - started) / 1000;
    // Drained: the read side shows the last sampled alert.
    const drainStart = Date.now();
    while (lastId && Date.now() - drainStart < 300_000) {
      const res = await fetch(`${topology.readUrl}/alerts/${lastId}`, { headers: auth(BENCH_KEYS.ops) });
      await res.arrayBuffer();
      if (res.status === 200) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const drainSeconds = (Date.now() - drainStart) / 1000;
    sample();
    return { mode: topology.mode, apps: topology.apps.map((a) => a.name), samples, events, writeSeconds, drainSeconds, ...(lastId && { lastId }) };
  } finally {
    clearInterval(sampler);
    reading = false;
    await reader;
  }
};

const analyse = (m: Measured) => {
  const warm = m.samples.filter((s) => s.events >= m.events * 0.2);
  const rows = m.apps.map((app) => {
    const series = warm.filter((s) => s.rss[app] !== undefined);
    const xs = series.map((s) => s.events / 100_000);
    const ys = series.map((s) => s.rss[app]!);
    const growth = series.length > 2 ? slope(xs, ys) : Number.NaN;
    const peak = Math.max(...m.samples.map((s) => s.peak[app] ?? 0));
    const at = (share: number) => m.samples.find((s) => s.events >= m.events * share)?.rss[app];
    const fmt = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(0));
    return {
      app,
      line: `| ${m.mode} | ${app} | ${peak.toFixed(0)} MB | ${[0.2, 0.4, 0.6, 0.8, 1].map((s) => fmt(at(s))).join(' → ')} | ${fmt(m.samples[m.samples.length - 1]!.rss[app])} | ${growth.toFixed(2)} | ${Math.abs(growth) < 2 ? 'flat' : growth > 0 ? 'GROWS' : 'shrinks'} |`,
    };
  });
  return rows;
};

const main = async () => {
  const mach = machine();
  log(describeMachine(mach));
  const measured: Measured[] = [];
  for (const mode of String(args.modes).split(',') as Topology['mode'][]) {
    const work = mkdtempSync(join(tmpdir(), `poc-memory-${mode}-`));
    let topology: Topology | undefined;
    try {
      topology = mode === 'kafka' ? await startDistributed({ work, projectors: args.projectors, log }) : await startEmbedded({ work, log });
      measured.push(await measure(topology));
    } finally {
      await topology?.stop();
      rmSync(work, { recursive: true, force: true });
    }
  }
  const summary = measured.map((m) => `- ${m.mode}: ${int(m.events)} events written in ${m.writeSeconds.toFixed(0)} s (${int(m.events / m.writeSeconds)}/s), read side drained ${m.drainSeconds.toFixed(0)} s later; ${m.samples.length} RSS samples.`).join('\n');
  const table = [
    '| deployment | process | peak RSS (VmHWM) | RSS (MB) at 20% → 40% → 60% → 80% → 100% of the events | RSS after drain (MB) | slope after warm-up (Theil–Sen, MB per 100k events) | verdict (flat: < 2) |',
    '|---|---|---:|---|---:|---:|---|',
    ...measured.flatMap((m) => analyse(m).map((r) => r.line)),
  ].join('\n');
  console.log(`${summary}\n\n${table}`);
  if (args.doc) {
    const command = `flock /tmp/poc-bench.lock npm run -s bench:memory -- --modes ${args.modes} --events ${args.events} --max-seconds ${args.maxSeconds} --connections ${args.connections} --projectors ${args.projectors}`;
    writeSection('memory', 'Memory (RSS while events pass through)', [`Last run: ${describeMachine(mach)}.`, '', `\`\`\`sh\n${command}\n\`\`\``, '', summary, '', table].join('\n'));
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
