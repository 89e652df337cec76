import type { InjectOptions } from 'fastify';
import { bearer, ROLE_API_KEYS, ROLE_KEYS, type InProcessApp } from '../support/in-process-app';
import { COMPOSITIONS, servedRoutes, startCompositions, type CompositionName, type Running } from './roles-apps';
import type { RouteRow } from './route-table';
import { bodies, type RouteRequest, type Writer } from './route-table.requests';
import { API_ROLES, ApiKeyRegistry, type ApiRole } from '@poc/platform/auth';

/**
 * Every route of every app × every kind of caller, against the table in route-table.ts:
 * no key or an unknown one → 401, a role the route is not for → 403 (both problem+json),
 * a role it is for → 2xx for a valid request. What the table expects is API.md's rule, so
 * a controller whose @Roles strays from it fails here by name.
 */
const CALLERS = ['no key', 'wrong key', ...API_ROLES] as const;
type Caller = (typeof CALLERS)[number];

const headersOf = (caller: Caller): Record<string, string> =>
  caller === 'no key' ? {} : caller === 'wrong key' ? { authorization: 'Bearer not-a-registered-key-0001' } : bearer(caller);

/** The actor each key writes as: derived from the key, never the key itself. */
const registry = ApiKeyRegistry.parse(ROLE_API_KEYS);
const actorOf = (role: ApiRole): string => registry.identify(ROLE_KEYS[role])!.actor;

const isWrite = (row: RouteRow): boolean => !row.route.startsWith('GET ');

const expectedAnswer = (row: RouteRow, caller: Caller): string => {
  if (row.may === 'public') return row.status ? String(row.status) : '2xx';
  if (caller === 'no key' || caller === 'wrong key') return '401 problem+json';
  return row.may.includes(caller) ? '2xx' : '403 problem+json';
};

const send = (running: InProcessApp, row: RouteRow, request: RouteRequest, caller: Caller) => {
  const method = row.route.split(' ')[0] as InjectOptions['method'];
  return running.app.inject({ method, url: request.url, payload: request.payload, headers: { ...request.headers, ...headersOf(caller) } });
};

/**
 * One answer as the table states them. A 2xx write must also have recorded who wrote it:
 * the event at the answer's position (every write answers one) carries the caller's actor
 * and role.
 */
const answerOf = async (running: InProcessApp, row: RouteRow, request: RouteRequest, caller: Caller): Promise<string> => {
  const response = await send(running, row, request, caller);
  const type = String(response.headers['content-type'] ?? '');
  if (response.statusCode >= 200 && response.statusCode < 300) {
    if (!isWrite(row) || caller === 'no key' || caller === 'wrong key') return '2xx';
    const [event] = await running.infra.eventStore.readAll({ fromPosition: response.json<{ position: number }>().position - 1, limit: 1 });
    const recorded = { actor: event?.metadata.actor, role: event?.metadata.role };
    const wanted = { actor: actorOf(caller), role: caller };
    return JSON.stringify(recorded) === JSON.stringify(wanted) ? '2xx' : `2xx but the event records ${JSON.stringify(recorded)}`;
  }
  if (response.statusCode === 401 || response.statusCode === 403) return `${response.statusCode} ${type.startsWith('application/problem+json') ? 'problem+json' : type}`;
  if (row.may === 'public' && response.statusCode === row.status) return String(row.status);
  // Anything else is a broken row or a broken app: say which, with the reason given.
  return `${response.statusCode} ${response.body.slice(0, 300)}`;
};

type Answers = Partial<Record<Caller | 'events stored by the refused', string>>;

const mayCall = (row: RouteRow, caller: Caller): boolean =>
  row.may === 'public' || (caller !== 'no key' && caller !== 'wrong key' && row.may.includes(caller));

const expectedAnswers = (row: RouteRow): Answers => ({
  ...Object.fromEntries(CALLERS.map((caller) => [caller, expectedAnswer(row, caller)])),
  ...(isWrite(row) && { 'events stored by the refused': '0' }),
});

/**
 * A refused request is the same valid request an allowed role sends; it is built once for
 * all refusals (they must change nothing, and for a write the store must not have grown),
 * afresh for each allowed call (a change such as "complete this patrol" succeeds once).
 */
const answersFor = async (running: InProcessApp, writer: Writer, row: RouteRow): Promise<Answers> => {
  const build = () => (row.request ? row.request(writer) : { url: row.route.split(' ')[1]! });
  const answers: Answers = {};
  const refusedRequest = await build();
  const before = await running.infra.eventStore.lastPosition();
  for (const caller of CALLERS.filter((c) => !mayCall(row, c))) answers[caller] = await answerOf(running, row, refusedRequest, caller);
  if (isWrite(row)) answers['events stored by the refused'] = String((await running.infra.eventStore.lastPosition()) - before);
  for (const caller of CALLERS.filter((c) => mayCall(row, c))) answers[caller] = await answerOf(running, row, await build(), caller);
  return answers;
};

const mayText = (row: RouteRow) => (row.may === 'public' ? `public${row.status ? `, ${row.status}` : ''}` : row.may.join(', '));

describe('who may call which route (API.md, "Common": roles)', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startCompositions();
  }, 120_000);
  afterAll(() => running?.close());

  describe.each(COMPOSITIONS.map((c) => ({ ...c, rows: c.routes.length })))('$name ($rows routes)', ({ name, routes }) => {
    it('serves exactly the routes its table lists', async () => {
      // given the routes the app really serves (Fastify's table and the OpenAPI document)
      const served = await servedRoutes(running.app(name).app);
      const listed = routes.map((row) => row.route);

      // then each has a row, and each row is a route it serves
      expect({
        'served without a row in route-table.ts': served.filter((route) => !listed.includes(route)),
        'listed but not served': listed.filter((route) => !served.includes(route)),
        'listed twice': listed.filter((route, i) => listed.indexOf(route) !== i),
      }).toEqual({ 'served without a row in route-table.ts': [], 'listed but not served': [], 'listed twice': [] });
    });

    it.each(routes.map((row) => ({ row, title: `${row.route} — ${mayText(row)}` })))('$title', async ({ row }) => {
      // when each kind of caller sends a valid request
      const answers = await answersFor(running.app(name), running.writer(name), row);

      // then the answers are the table's
      expect(answers).toEqual(expectedAnswers(row));
    });
  });

  describe('every event written through the API records who wrote it', () => {
    const name: CompositionName = 'all-in-one';

    it.each([
      { role: 'operator' as const, url: '/alerts', body: bodies.alert },
      { role: 'ops' as const, url: '/incidents', body: bodies.incident },
    ])('a write by $role records its actor and role, not its key', async ({ role, url, body }) => {
      // given a write by this role
      const app = running.app(name);
      const written = await app.app.inject({ method: 'POST', url, headers: bearer(role), payload: body });
      expect(written.statusCode).toBe(201);

      // when its stream is read back from the store
      const [event] = await app.infra.eventStore.readStream(written.json<{ streamId: string }>().streamId);

      // then the event names the actor (a fingerprint of the key) and the role
      expect(event!.metadata).toMatchObject({ actor: actorOf(role), role });
      expect(event!.metadata.actor).toMatch(new RegExp(`^${role}:[0-9a-f]{8}#\\d+$`));
      expect(JSON.stringify(event)).not.toContain(ROLE_KEYS[role]);
    });

    it('no event in the store lacks an actor and a role that agree', async () => {
      // given every event the rows above wrote through the API (and the two writes just before)
      const events = await running.app(name).infra.eventStore.readAll();
      expect(events.length).toBeGreaterThan(0);

      // then each names a known actor, with the role that actor's key has
      const actors = new Map(API_ROLES.map((role) => [actorOf(role), role]));
      const unattributed = events.filter((e) => !actors.has(e.metadata.actor) || actors.get(e.metadata.actor) !== e.metadata.role);
      expect(unattributed.map((e) => `${e.streamId}@${e.streamVersion}: ${JSON.stringify(e.metadata)}`)).toEqual([]);
    });
  });
});
