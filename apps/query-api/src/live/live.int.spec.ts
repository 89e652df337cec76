import type { AddressInfo } from 'node:net';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bodies } from '../../../../tests/security/route-table.requests';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';
import { connectSse, type SseConnection, type SseMessage } from '../../../../tests/support/sse-client';

type Created = { id: string; position: number };

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('GET /live (%s)', (_store, start) => {
  let running: InProcessApp;
  let base: string;
  const open: SseConnection[] = [];

  beforeAll(async () => {
    running = await start();
    await running.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(running.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  afterAll(() => running?.close());

  const connect = async (path: string, headers: Record<string, string> = {}) => {
    const connection = await connectSse(`${base}${path}`, { ...bearer('ops'), ...headers });
    open.push(connection);
    return connection;
  };
  const postAlert = async (): Promise<Created> => {
    const res = await running.app.inject({ method: 'POST', url: '/alerts', headers: bearer('operator'), payload: bodies.alertWithCaller() });
    expect(res.statusCode).toBe(201);
    return res.json<Created>();
  };
  const ids = (messages: readonly SseMessage[]) => messages.map((m) => Number(m.id));
  /** What the store holds after a position: the feed must say exactly this. */
  const storedAfter = async (position: number) => (await running.infra.eventStore.readAll({ fromPosition: position, limit: 10_000 })).map((e) => e.position);

  it('sends an event posted after the client connected within a second, and nothing of its data', async () => {
    await postAlert();
    const live = await connect('/live');
    expect(live.status).toBe(200);
    expect(live.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(live.headers['cache-control']).toBe('no-cache');
    expect(live.headers['x-accel-buffering']).toBe('no');
    expect(live.headers['x-content-type-options']).toBe('nosniff');
    expect(String(live.headers['content-security-policy'])).toContain("default-src 'none'");

    const postedAt = Date.now();
    const alert = await postAlert();
    await live.until((m) => ids(m).includes(alert.position), 1000);
    expect(Date.now() - postedAt).toBeLessThan(1000);

    // Only new events: the alert posted before connecting is not replayed
    expect(ids(live.messages)).toEqual([alert.position]);
    const [stored] = await running.infra.eventStore.readAll({ fromPosition: alert.position - 1, limit: 1 });
    const [message] = live.messages;
    expect(message).toEqual({ id: String(alert.position), event: 'AlertReceived', data: expect.any(String) });
    expect(JSON.parse(message!.data!)).toEqual({ position: alert.position, type: 'AlertReceived', streamId: stored!.streamId, recordedAt: stored!.recordedAt });
    expect(message!.data).not.toMatch(/caller|phone|Bankass|lat/i);
  });

  it('resumes after Last-Event-ID with exactly the events after it, none missed, none repeated', async () => {
    // Given a client that saw some events, then lost its connection
    const first = await connect('/live');
    const seen = await postAlert();
    await first.until((m) => ids(m).includes(seen.position), 2000);
    first.close();
    const lastId = first.messages.at(-1)!.id!;
    // While it was away, more happened
    for (let i = 0; i < 3; i++) await postAlert();

    // When it reconnects with the last id it had
    const again = await connect('/live?follow=false', { 'last-event-id': lastId });
    await again.ended;

    // Then it gets exactly what the store holds after that id, in order
    const expected = await storedAfter(Number(lastId));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(ids(again.messages)).toEqual(expected);
  });

  it('with follow=false sends everything after ?after= and ends; Last-Event-ID wins over after', async () => {
    const res = await running.app.inject({ method: 'GET', url: '/live?after=0&follow=false', headers: bearer('analyst') });
    expect(res.statusCode).toBe(200);
    const sent = res.body.split('\n').filter((l) => l.startsWith('id: ')).map((l) => Number(l.slice(4)));
    expect(sent).toEqual(await storedAfter(0));
    const head = await running.infra.eventStore.lastPosition();
    const resumed = await running.app.inject({ method: 'GET', url: '/live?after=0&follow=false', headers: { ...bearer('admin'), 'last-event-id': String(head - 1) } });
    expect(resumed.body.split('\n').filter((l) => l.startsWith('id: '))).toEqual([`id: ${head}`]);
    const atHead = await running.app.inject({ method: 'GET', url: '/live?follow=false', headers: bearer('ops') });
    expect(atHead.statusCode).toBe(200);
    expect(atHead.body).toBe('');
  });

  it.each([
    ['/live?after=-1', {}, 'after'],
    ['/live?after=x', {}, 'after'],
    ['/live?follow=yes', {}, 'follow'],
    ['/live?since=3', {}, 'since'],
    ['/live', { 'last-event-id': 'abc' }, 'Last-Event-ID'],
    ['/live', { 'last-event-id': '-1' }, 'Last-Event-ID'],
    ['/live', { 'last-event-id': '99999999999999999999' }, 'Last-Event-ID'],
  ])('refuses %s %j with a 400 naming %s', async (url, headers, field) => {
    const res = await running.app.inject({ method: 'GET', url, headers: { ...bearer('ops'), ...headers } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json<{ detail: string }>().detail).toContain(field);
  });

  it('is not for operators (403)', async () => {
    const res = await running.app.inject({ method: 'GET', url: '/live?follow=false', headers: bearer('operator') });
    expect(res.statusCode).toBe(403);
  });
});

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('GET /live at shutdown (%s)', (_store, start) => {
  it('lets app.close() finish within two seconds with a client still connected, and ends its stream', async () => {
    const running = await start();
    await running.app.listen(0, '127.0.0.1');
    const port = (running.app.getHttpServer().address() as AddressInfo).port;
    const live = await connectSse(`http://127.0.0.1:${port}/live?after=0`, bearer('analyst'));
    expect(live.status).toBe(200);
    const started = Date.now();
    await running.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await live.ended;
  });
});
