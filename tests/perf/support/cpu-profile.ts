/**
 * Reads a V8 `.cpuprofile` (node --cpu-prof) and lists where the time went, by self time
 * per function and by package (node_modules/<pkg>, our code, node internals, GC, idle):
 * enough to see whether logging, JSON, validation or the store dominates a request.
 *
 *   node -r @swc-node/register tests/perf/support/cpu-profile.ts <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const packageOf = (url: string): string => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes('/apps/') || url.includes('/libs/')) return '(our code)';
  if (url.startsWith('node:') || url === '') return '(node / V8)';
  return '(other)';
};

export const summariseProfile = (file: string, top = 20): string => {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const special = ['(idle)', '(garbage collector)', '(program)'].includes(functionName);
    const key = special ? functionName : `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*\/(apps|libs)\//, '$1/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const pkg = special ? functionName : packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const busy = total - (byFunction.get('(idle)') ?? 0);
  const share = (us: number) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
  const lines = [`${(busy / 1e6).toFixed(1)} s busy of ${(total / 1e6).toFixed(1)} s profiled; shares are of busy time`, '', 'by package:'];
  for (const [pkg, us] of [...byPackage].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`${share(us)}  ${pkg}`);
  lines.push('', 'by function (self time):');
  for (const [fn, us] of [...byFunction].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${share(us)}  ${fn}`);
  return lines.join('\n');
};

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile.ts <file.cpuprofile> [top]');
  console.log(summariseProfile(file, Number(top ?? 30)));
}
