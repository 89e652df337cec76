import type { InProcessApp } from '../support/in-process-app';
import { bearer } from '../support/in-process-app';
import { assertHandledSafely, injectPost } from './fuzz-check';
import { ENDPOINTS, seedIds } from './fuzz-endpoints';
import { startOnPostgres, startOnSqlite } from './fuzz-stores';
import { deepNesting, toJsonText } from './fuzz-values';

type Ids = Awaited<ReturnType<typeof seedIds>>;
type Case = Readonly<{ path: (ids: Ids) => string; payload: string }>;

const valid = (path: string): Record<string, unknown> => ENDPOINTS.find((e) => e.path === path)!.valid();
const body = (path: string, change: Record<string, unknown>): string => toJsonText({ ...valid(path), ...change });

/** Each bug the fuzzing found, as the smallest request that showed it. All must now be a 400 that stores nothing. */
const BUGS: Record<string, Case[]> = {
  'a deeply nested body overflowed the stack in class-transformer and the request hash (500)': [
    { path: () => '/incidents', payload: deepNesting(5_000, 'array') },
    { path: (ids) => `/incidents/${ids.incident[0]}/retract`, payload: `{"reason":${deepNesting(3_000, 'object')}}` },
  ],
  'a URL Fastify cannot decode was answered with plain JSON, not problem+json': [
    { path: () => '/alerts/%ZZ/close', payload: body('/alerts/{id}/close', {}) },
  ],
  'ISO 8601 forms that Date cannot read passed validation, then toISOString() threw (500)': [
    '2020-061T00:00:00Z', '2020-W10-1T00:00:00Z', '2020-03-01T09Z', '20200301T093000Z', '2020-03-01T09:30:00,5Z',
  ].map((closedAt) => ({ path: (ids: Ids) => `/bases/${ids.base[0]}/close`, payload: body('/bases/{id}/close', { closedAt }) })),
  'an array as a stop passed ValidateNested; the controller read its times as undefined (500)': [
    { path: (ids) => `/patrols/${ids.patrol[0]}/complete`, payload: body('/patrols/{id}/complete', { stops: [[]] }) },
    { path: () => '/patrols', payload: body('/patrols', { stops: [valid('/patrols').stops] }) },
  ],
  'null for an optional field passed IsOptional and reached the decider (500) or the store': [
    { path: () => '/retaliation-assessments', payload: body('/retaliation-assessments', { note: null }) },
    { path: (ids) => `/incidents/${ids.incident[0]}/correct`, payload: toJsonText({ fatalities: null }) },
    { path: () => '/flights', payload: body('/flights', { alertIds: null }) },
  ],
  'NUL and unpaired surrogates were stored on SQLite and refused by PostgreSQL jsonb (500)': [
    { path: () => '/ieds', payload: body('/ieds', { location: { lat: 14.35, lon: -3.61, place: '\uD800' } }) },
    { path: () => '/incidents', payload: body('/incidents', { description: 'x\u0000y' }) },
    { path: (ids) => `/incidents/${ids.incident[0]}/correct`, payload: toJsonText({ location: { lat: 14.35, lon: -3.61, place: '\u0000' } }) },
  ],
};

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('regressions from fuzzing, on %s', (_, start) => {
  let running: InProcessApp;
  let ids: Ids;
  beforeAll(async () => {
    running = await start();
    ids = await seedIds(injectPost(running), 1);
  });
  afterAll(() => running?.close());

  it.each(Object.entries(BUGS))('%s', async (_bug, cases) => {
    for (const { path, payload } of cases) {
      const request = { kind: 'regression', url: path(ids), headers: { ...bearer('admin'), 'content-type': 'application/json' }, payload };
      expect({ payload: payload.slice(0, 200), status: await assertHandledSafely(running, request) }).toEqual({ payload: payload.slice(0, 200), status: 400 });
    }
  });
});
