import { request, type IncomingHttpHeaders } from 'node:http';

/** A server-sent-events client over real HTTP, as a console holds one open. */
export type SseMessage = Readonly<{ id?: string; event?: string; data?: string }>;

export type SseConnection = Readonly<{
  status: number;
  headers: IncomingHttpHeaders;
  messages: SseMessage[];
  comments: string[];
  /** Resolves when the server ends the response (or the socket closes). */
  ended: Promise<void>;
  /** Resolves once `predicate` holds of the messages so far, rejects after `timeoutMs`. */
  until: (predicate: (messages: SseMessage[]) => boolean, timeoutMs: number) => Promise<void>;
  close: () => void;
}>;

const parse = (block: string): SseMessage | string => {
  const fields: Record<string, string> = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) return line.slice(1).trim();
    const at = line.indexOf(':');
    fields[line.slice(0, at)] = line.slice(at + 1).replace(/^ /, '');
  }
  return fields;
};

export const connectSse = (url: string, headers: Record<string, string>): Promise<SseConnection> =>
  new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const messages: SseMessage[] = [];
      const comments: string[] = [];
      const waiters = new Set<() => void>();
      let buffer = '';
      const ended = new Promise<void>((done) => {
        res.on('end', done);
        res.on('close', done);
        res.on('error', () => done());
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const parsed = parse(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          if (typeof parsed === 'string') comments.push(parsed);
          else messages.push(parsed);
          cut = buffer.indexOf('\n\n');
        }
        for (const check of [...waiters]) check();
      });
      const until = (predicate: (m: SseMessage[]) => boolean, timeoutMs: number) =>
        new Promise<void>((done, fail) => {
          const timer = setTimeout(() => {
            waiters.delete(check);
            fail(new Error(`not within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.id))}`));
          }, timeoutMs);
          const check = () => {
            if (!predicate(messages)) return;
            clearTimeout(timer);
            waiters.delete(check);
            done();
          };
          waiters.add(check);
          check();
        });
      resolve({ status: res.statusCode ?? 0, headers: res.headers, messages, comments, ended, until, close: () => req.destroy() });
    });
    req.on('error', reject);
    req.end();
  });
