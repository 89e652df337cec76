import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './app-process';

/**
 * A caller no real data would contain, and every spelling of their number a search must
 * try: as typed, digits only, the local part alone. Found in any of these forms, anywhere
 * but the one endpoint meant to show it, the test fails.
 */
export const PLANTED = { name: 'Kadiatou Zzplantedname', phone: '+223 76 54 32 19' } as const;
/** The alert that carries the planted caller; its description must survive forget-caller. */
export const PLANTED_ALERT = {
  channel: 'hotline',
  receivedAt: '2020-03-01T08:00:00Z',
  location: { lat: 14.15, lon: -3.62, precision: 2, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' },
  threat: { kind: 'attack-on-civilians' },
  description: 'armed men east of the village',
  caller: PLANTED,
};
export const PLANTED_FORMS = ['Zzplantedname', '+223 76 54 32 19', '22376543219', '76543219', '76 54 32 19'];

/** Which planted forms occur in the text (or the bytes, read as UTF-8 and as Latin-1). */
export const plantedIn = (haystack: string | Buffer): string[] => {
  const texts = typeof haystack === 'string' ? [haystack] : [haystack.toString('utf8'), haystack.toString('latin1')];
  return PLANTED_FORMS.filter((form) => texts.some((t) => t.includes(form)));
};

/** Every file under a folder, concatenated: the database files, their journals, the keys file. */
export const filesUnder = (dir: string): Buffer =>
  Buffer.concat(
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? [filesUnder(path)] : [readFileSync(path)];
    }),
  );

export type CliRun = Readonly<{ code: number | null; stdout: string; stderr: string }>;

/** The analyst CLI as a child process, as an analyst runs it. */
export const analystCli = (args: readonly string[], env: Record<string, string>): Promise<CliRun> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/analyst-cli/src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
