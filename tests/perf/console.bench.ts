// Functions passed to page.evaluate run in the browser: they are typed against the DOM.
/// <reference lib="dom" />
/**
 * The console's bundle size and its time to a usable map with 10,000 incidents and 1,000
 * patrols (with their overnight stops) loaded, in Debian's Chromium against the embedded app.
 *
 *   npm run bench:console [-- --incidents 10000 --patrols 1000 --runs 5 --no-doc]
 *
 * "Usable" is the moment the map marks itself ready: regions drawn and every layer fetched
 * and drawn (incidents clustered). Each run is a fresh browser profile: nothing cached.
 */
import { gzipSync } from 'node:zlib';
import { startApp, tempDir } from '../support/app-process';
import { API_KEYS, KEYS } from '../support/alert-flow';
import { client } from '../support/http-client';
import { launchChromium, VIEWPORT } from '../browser/support/chromium';
import { describeMachine, int, log, machine, ms, percentile, writeSection } from './support/bench-report';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const INCIDENTS = arg('incidents', 10_000);
const PATROLS = arg('patrols', 1_000);
const RUNS = arg('runs', 5);
const say = log('console');

const pool = async (count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await job(next++);
  }));
};

// Spread over central Mali, days over a year, as the demo scenarios do.
const spot = (i: number) => ({ lat: 13.5 + ((i * 7919) % 2000) / 1000, lon: -5 + ((i * 104729) % 4000) / 1000 });
const dayOf = (i: number) => new Date(Date.UTC(2020, 0, 1) + (i % 365) * 86_400_000);

const main = async (): Promise<void> => {
  const m = machine();
  const app = await startApp('apps/all-in-one/src/main.ts', { DATA_DIR: tempDir('poc-console-bench-'), API_KEYS, LOG_LEVEL: 'warn' });
  try {
    const ops = client(app.url, KEYS.ops);
    const seeded = Date.now();
    await pool(INCIDENTS, 16, async (i) => {
      const r = await ops.post('/incidents', { occurredAt: dayOf(i).toISOString(), location: { ...spot(i), precision: 1 }, kind: i % 3 ? 'attack-on-civilians' : 'clash', source: 'civilian' });
      if (r.status !== 201) throw new Error(`incident ${i}: ${r.status} ${JSON.stringify(r.body)}`);
    });
    await pool(PATROLS, 16, async (i) => {
      const start = dayOf(i);
      const stop = (k: number) => ({ ...spot(i + k), arrivedAt: new Date(+start + (10 + 24 * k) * 3_600_000).toISOString(), departedAt: new Date(+start + (23 + 24 * k) * 3_600_000).toISOString(), overnight: true });
      const r = await ops.post('/patrols', { operation: 'Bench', unit: `U-${i % 40}`, kind: 'long-range', startedAt: start.toISOString(), area: { ...spot(i), radiusKm: 15 }, stops: [stop(0), stop(1)] });
      if (r.status !== 201) throw new Error(`patrol ${i}: ${r.status} ${JSON.stringify(r.body)}`);
    });
    say(`seeded ${INCIDENTS} incidents and ${PATROLS} patrols in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

    const page = await (await fetch(app.url)).text();
    const files = [...page.matchAll(/(?:src|href)="(\/console\/[^"]+)"/g)].map((x) => x[1]!);
    const sizes = await Promise.all(files.map(async (f) => Buffer.from(await (await fetch(`${app.url}${f}`)).arrayBuffer())));
    const raw = sizes.reduce((s, b) => s + b.length, 0);
    const gz = sizes.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);

    const browser = await launchChromium();
    const times: number[] = [];
    let counts = '';
    try {
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        await context.addInitScript((key) => sessionStorage.setItem('poc.apiKey', key), KEYS.ops);
        const tab = await context.newPage();
        const started = Date.now();
        await tab.goto(app.url);
        await tab.locator('[data-map][data-ready]').waitFor({ timeout: 60_000 });
        times.push(Date.now() - started);
        counts = await tab.locator('[data-map]').evaluate((el) => `${el.getAttribute('data-incidents-count')} incidents, ${el.getAttribute('data-patrols-count')} patrol features`);
        say(`run ${run + 1}: map ready in ${times.at(-1)} ms (${counts})`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const body = [
      `Measured ${describeMachine(m)}; \`npm run bench:console\`, embedded app, Debian Chromium headless at 1366×768, a fresh profile each run.`,
      '',
      '| what | figure |',
      '|---|---|',
      `| bundle (JS + CSS, minified) | ${int(raw / 1024)} KiB, **${int(gz / 1024)} KiB gzipped** (aim: under 1 MB) |`,
      `| loaded | ${int(INCIDENTS)} incidents, ${int(PATROLS)} patrols with 2 overnight stops each (${counts}) |`,
      `| navigation → map usable, ${RUNS} runs | median **${ms(percentile(times, 0.5), 0)}**, min ${ms(Math.min(...times), 0)}, max ${ms(Math.max(...times), 0)} (aim: 2 s) |`,
      '',
      '"Usable" is when the map marks itself ready: the region outlines drawn and every layer fetched from its `.geojson` route and drawn, incidents clustered (leaflet.markercluster, chunked loading).',
    ].join('\n');
    process.stdout.write(`${body}\n`);
    if (!process.argv.includes('--no-doc')) writeSection('console', 'Console: bundle and time to a usable map', body);
  } finally {
    await app.kill();
  }
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
