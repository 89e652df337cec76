/**
 * Benchmark (never run by `npm test`): freshness — time from a 201 on POST /alerts to the
 * alert being visible at GET /alerts/{id} of the query API, under a sustained write load.
 *
 *   npm run -s bench:freshness -- [--modes kafka,embedded] [--rates 1000,250] [--seconds 30] [--sample-every 25] [--projectors 2] [--no-doc]
 *
 * kafka: command-api → PostgreSQL → relay → Kafka → projector × N → PostgreSQL ← query-api,
 * each its own process (throwaway PostgreSQL and Kafka). embedded: all-in-one on SQLite.
 * autocannon offers each of `--rates` POSTs/s in turn (overallRate) for `--seconds` after a 5 s warm-up;
 * one 201 in `--sample-every` is handed, with the time its answer arrived, to a poller in a
 * worker thread that GETs it every tick until it answers 200 (support/visibility-poller.ts).
 * A sample's freshness runs from the 201's arrival to the arrival of the first 200: an
 * upper bound, by at most one tick plus one GET.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_KEYS } from './support/bench-processes';
import { describeMachine, int, log as logger, machine, ms, parseArgs, percentile, writeSection } from './support/bench-report';
import { describeLoad, runLoad, type LoadResult } from './support/load';
import { startDistributed, startEmbedded, type Topology } from './support/topology';
import { absoluteNow, startPoller, type VisibilityResult } from './support/visibility-poller';
import { ALERT_BODY } from './ingest/alert-body';

const log = logger('freshness');
const args = parseArgs(process.argv.slice(2), { modes: 'kafka,embedded', rates: '1000,250', seconds: 30, sampleEvery: 25, projectors: 2, connections: 50, doc: true });
/** The target rate first; a lower one shows the path itself when the write side is not saturated. */
const RATES = String(args.rates).split(',').map(Number);

const TARGET_P99 = { kafka: 250, embedded: 20 } as const;
/** Poll ticks: well under each target, so the resolution does not decide the verdict. */
const TICK_MS = { kafka: 5, embedded: 1 } as const;

type Measured = Readonly<{ mode: 'kafka' | 'embedded'; rate: number; load: LoadResult; visibility: VisibilityResult; samples: number }>;

const measure = async (topology: Topology, rate: number): Promise<Measured> => {
  const mode = topology.mode;
  const load = { url: topology.writeUrl, path: '/alerts', body: ALERT_BODY, headers: { authorization: `Bearer ${BENCH_KEYS.operator}` }, connections: args.connections };
  log(`${mode}: warm-up, 5 s at ${rate}/s`);
  await runLoad({ ...load, seconds: 5, rate });
  // Let the warm-up drain through relay and projectors before measuring.
  await new Promise((r) => setTimeout(r, 3000));
  const poller = await startPoller({ url: topology.readUrl, auth: `Bearer ${BENCH_KEYS.ops}`, tickMs: TICK_MS[mode], timeoutMs: 60_000 });
  let created = 0;
  let samples = 0;
  const result = await runLoad({
    ...load,
    seconds: args.seconds,
    rate,
    onResponse: (status, body) => {
      if (status !== 201 || created++ % args.sampleEvery !== 0) return;
      const t0 = absoluteNow();
      samples++;
      poller.sample((JSON.parse(body) as { id: string }).id, t0);
    },
  });
  log(`${mode}: writes ${describeLoad(result)}`);
  const visibility = await poller.finish();
  const l = visibility.latencies;
  log(`${mode} at ${rate}/s: ${l.length}/${samples} samples visible: p50 ${ms(percentile(l, 0.5))}, p90 ${ms(percentile(l, 0.9))}, p99 ${ms(percentile(l, 0.99))}, max ${ms(Math.max(...l))}; ${visibility.timedOut} timed out; ${Math.round(visibility.polls / visibility.seconds)} GETs/s by the poller`);
  const slow = l.map((v, i) => [visibility.at[i]!, v] as const).filter(([, v]) => v > TARGET_P99[mode]);
  if (slow.length > 0) log(`${mode} at ${rate}/s: ${slow.length} over target, at (s after start → ms): ${slow.slice(0, 20).map(([t, v]) => `${t.toFixed(1)}→${v.toFixed(0)}`).join(' ')}`);
  return { mode, rate, load: result, visibility, samples };
};

const row = (m: Measured): string => {
  const l = m.visibility.latencies;
  const p99 = percentile(l, 0.99);
  const target = TARGET_P99[m.mode];
  return (
    `| ${m.mode === 'kafka' ? `distributed via Kafka (${args.projectors} projectors)` : 'embedded (all-in-one, SQLite)'} | ${int(m.rate)}/s → ${int(m.load.okPerSecond)}/s | ` +
    `${ms(m.load.latencyP99, 0)} | ${l.length} of ${m.samples} | ${ms(percentile(l, 0.5))} | ${ms(percentile(l, 0.9))} | ${ms(p99)} | ${ms(Math.max(...l))} | ` +
    `${ms(target, 0)}: ${p99 < target ? 'met' : `missed (${(p99 / target).toFixed(1)}×)`} | ${TICK_MS[m.mode]} ms, ${int(m.visibility.polls / m.visibility.seconds)}/s |`
  );
};

const main = async () => {
  const mach = machine();
  log(describeMachine(mach));
  const measured: Measured[] = [];
  for (const mode of String(args.modes).split(',') as ('kafka' | 'embedded')[]) {
    const work = mkdtempSync(join(tmpdir(), `poc-fresh-${mode}-`));
    let topology: Topology | undefined;
    try {
      topology = mode === 'kafka' ? await startDistributed({ work, projectors: args.projectors, log }) : await startEmbedded({ work, log });
      // One deployment per mode; the rates run one after the other on it (the store grows a little).
      for (const rate of RATES) measured.push(await measure(topology, rate));
    } finally {
      await topology?.stop();
      rmSync(work, { recursive: true, force: true });
    }
  }
  const table = [
    '| deployment | offered → achieved 201/s | 201 p99 | samples visible | p50 | p90 | p99 | max | target p99 | poll tick, GETs/s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    ...measured.map(row),
  ].join('\n');
  console.log(table);
  if (args.doc) {
    const command = `flock /tmp/poc-bench.lock npm run -s bench:freshness -- --modes ${args.modes} --rates ${args.rates} --seconds ${args.seconds} --sample-every ${args.sampleEvery} --projectors ${args.projectors}`;
    writeSection('freshness', 'Freshness (201 → visible in the query API)', [`Last run: ${describeMachine(mach)}.`, '', `\`\`\`sh\n${command}\n\`\`\``, '', table].join('\n'));
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
