import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type ConsoleAsset = Readonly<{ body: Buffer; gzip: Buffer; contentType: string }>;
export type ConsoleBundle = Readonly<{ html: ConsoleAsset; assets: ReadonlyMap<string, ConsoleAsset> }>;

const WEB = join(__dirname, '..', 'web');

const asset = (body: Buffer | string, contentType: string): ConsoleAsset => {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
  // Ops rooms sit behind satellite links: compress once here, not per request.
  return { body: buffer, gzip: gzipSync(buffer, { level: 9 }), contentType };
};

/**
 * Bundles the browser sources in memory (esbuild, a few hundred ms), so `npm start` needs no
 * build step and nothing at run time comes from outside: Leaflet, its CSS and images, the
 * region outlines are all in the bundle. File names carry a content hash, so the browser may
 * keep them for good and a new version is never mixed with an old one.
 */
export const buildConsole = async (): Promise<ConsoleBundle> => {
  const result = await build({
    entryPoints: [join(WEB, 'main.ts')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['chrome110', 'firefox110', 'safari16'],
    outdir: 'out',
    entryNames: '[name].[hash]',
    loader: { '.png': 'dataurl', '.svg': 'dataurl' },
    legalComments: 'linked',
    logLevel: 'silent',
  });
  const assets = new Map<string, ConsoleAsset>();
  const names: string[] = [];
  for (const file of result.outputFiles) {
    const name = file.path.split('/').pop()!;
    names.push(name);
    const type = name.endsWith('.js') ? 'text/javascript; charset=utf-8' : name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/plain; charset=utf-8';
    assets.set(name, asset(Buffer.from(file.contents), type));
  }
  // The region outlines' licence (amCharts linkware) travels with the bundle that contains them.
  assets.set('mali-regions.LICENSE.txt', asset(readFileSync(join(WEB, 'geo', 'mali-regions.LICENSE')), 'text/plain; charset=utf-8'));
  const script = names.find((n) => n.endsWith('.js'))!;
  const style = names.find((n) => n.endsWith('.css'))!;
  const html = readFileSync(join(WEB, 'index.html'), 'utf8').replace('{{script}}', `/console/${script}`).replace('{{style}}', `/console/${style}`);
  return { html: asset(html, 'text/html; charset=utf-8'), assets };
};

/** One build per process, started by the first request. */
let building: Promise<ConsoleBundle> | undefined;
export const consoleBundle = (): Promise<ConsoleBundle> => (building ??= buildConsole());
