import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export type KilledRun = Readonly<{ signal: NodeJS.Signals | null; stderr: string; acked: number[]; killAfter: number }>;

/**
 * Runs sqlite-append-child.ts (appending to `file`, printing each ack) and SIGKILLs it right
 * after a random 150th–300th ack, mid-stream. The caller then reopens the file and checks
 * that every acked position is there.
 */
export const appendUntilKilled = async (file: string, streamId: string, extraArgs: readonly string[] = []): Promise<KilledRun> => {
  const root = resolve(__dirname, '../../../..');
  const script = join(root, 'libs/event-store/src/testing/sqlite-append-child.ts');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script, file, streamId, ...extraArgs], { cwd: root });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  const killAfter = 150 + Math.floor(Math.random() * 150);
  const acked: number[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /^acked (\d+)$/.exec(line);
    if (!match) continue;
    acked.push(Number(match[1]));
    if (acked.length === killAfter) child.kill('SIGKILL');
  }
  return { signal: await exited, stderr, acked, killAfter };
};
