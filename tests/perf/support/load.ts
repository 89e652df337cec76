/**
 * autocannon (its programmatic API) with what the benchmarks read from it. Throughput is
 * counted in 2xx answers per second: a server that answers 429 or 503 quickly is not
 * ingesting faster.
 */
import autocannon from 'autocannon';

export type LoadOptions = Readonly<{
  url: string;
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /** Fixed offered load for the whole run (autocannon `overallRate`); none = as fast as it answers. */
  rate?: number;
  /** Per-request callback (2xx bodies): the freshness benchmark takes ids from it. */
  onResponse?: (status: number, body: string) => void;
}>;

export type LoadResult = Readonly<{
  ok: number;
  okPerSecond: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyP50: number;
  latencyP90: number;
  latencyP99: number;
  latencyMax: number;
  seconds: number;
}>;

export const runLoad = (options: LoadOptions): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.url}${options.path}`,
        method: options.method ?? 'POST',
        connections: options.connections,
        duration: options.seconds,
        ...(options.rate !== undefined && { overallRate: options.rate }),
        headers: { 'content-type': 'application/json', ...options.headers },
        ...(options.body !== undefined && { body: options.body }),
        ...(options.onResponse && { requests: [{ onResponse: (status: number, body: string) => options.onResponse!(status, body) }] }),
        timeout: 10,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          ok: result['2xx'],
          okPerSecond: result['2xx'] / result.duration,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          latencyP50: result.latency.p50,
          latencyP90: result.latency.p90,
          latencyP99: result.latency.p99,
          latencyMax: result.latency.max,
          seconds: result.duration,
        });
      },
    );
    instance.on('error', reject);
  });

/** What autocannon says about a run, in one line. */
export const describeLoad = (r: LoadResult): string =>
  `${Math.round(r.okPerSecond)} 2xx/s, p50 ${r.latencyP50} ms, p90 ${r.latencyP90} ms, p99 ${r.latencyP99} ms, max ${r.latencyMax} ms` +
  (r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts)` : '');
