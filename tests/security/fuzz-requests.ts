import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { bearer } from '../support/in-process-app';
import type { Endpoint } from './fuzz-endpoints';
import { deepNesting, hostileKey, hostileValue, toJsonText } from './fuzz-values';

export type FuzzRequest = Readonly<{ kind: string; url: string; headers: Record<string, string>; payload: string | Buffer }>;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

/** A counterexample of 400 000 brackets would drown the report: fast-check prints this instead. */
export const describeRequest = (r: FuzzRequest): string =>
  `${r.kind}: POST ${clip(r.url, 120)} ${JSON.stringify(r.headers)} ${clip(String(r.payload), 300)}`;
const printable = (r: FuzzRequest): FuzzRequest => Object.assign(r, { [fc.toStringMethod]: () => describeRequest(r) });

type Mutation = Readonly<{ at: number; op: 'replace' | 'remove' | 'add'; key: string; value: unknown }>;

/** Every path to a value in a JSON tree, parents before children. */
const pathsOf = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] =>
  value !== null && typeof value === 'object'
    ? Object.keys(value).flatMap((k) => {
        const key = Array.isArray(value) ? Number(k) : k;
        return [[...prefix, key], ...pathsOf((value as Record<string, unknown>)[k], [...prefix, key])];
      })
    : [];

/** defineProperty, not assignment: `o['__proto__'] = v` would set the prototype, not send a key. */
const put = (target: Record<string | number, unknown>, key: string | number, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
};

/** One field replaced, removed or added next to it; applied in turn, so later ones see earlier ones. */
export const mutate = (body: Record<string, unknown>, mutations: readonly Mutation[]): unknown => {
  const root = structuredClone(body);
  for (const m of mutations) {
    // Hostile values are shared constants: a later mutation must not edit (or loop) them in place.
    const value = structuredClone(m.value);
    const paths = pathsOf(root);
    if (paths.length === 0) {
      put(root, m.key, value);
      continue;
    }
    const path = paths[m.at % paths.length]!;
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, root);
    const last = path[path.length - 1]!;
    if (m.op === 'replace') put(parent, last, value);
    else if (m.op === 'remove' && Array.isArray(parent)) parent.splice(last as number, 1);
    else if (m.op === 'remove') delete parent[last];
    else if (Array.isArray(parent)) parent.push(value);
    else put(parent, m.key, value);
  }
  return root;
};

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'remove', 'add'),
  key: hostileKey,
  value: hostileValue,
});

const JSON_TYPE = { 'content-type': 'application/json' };

const rawJson = fc.oneof(
  fc.constantFrom('', ' ', '{', '{"a":', '}', '[', 'null', 'true', '0', '"x"', '[]', '[{}]', 'NaN', '{"a":NaN}', "{'a':1}", '{"a":1,}', '{"a" 1}'),
  fc.constantFrom('{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":1,"a":2}', '\uFEFF{}', '{"a":"\\ud800"}', '{"a":"\\u0000"}'),
  fc.constantFrom(deepNesting(10_000, 'array'), deepNesting(10_000, 'object'), deepNesting(400_000, 'array')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
);
const rawBytes = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes));

const CONTENT_TYPES = [
  'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/octet-stream',
  'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/problem+json', 'application/merge-patch+json',
  'APPLICATION/JSON', 'application/jsonx', 'application/json, text/plain', ';', '*/*', 'application/json; boundary=--',
  '', // no content type at all
];

const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const hostileHeaders = fc.record(
  {
    'if-match': fc.oneof(headerText, fc.constantFrom('0', '-1', '1e999', '99999999999999999999', '"3"', 'W/"1"', '1.5', '')),
    'idempotency-key': fc.oneof(headerText, fc.constantFrom('k'.repeat(201), 'k'.repeat(10_000), '')),
    'x-correlation-id': fc.oneof(headerText, fc.constantFrom('c'.repeat(10_000))),
    accept: fc.constantFrom('application/xml', 'text/csv', 'image/svg+xml', '*/*', 'nonsense'),
  },
  { requiredKeys: [] },
);

const UUID = '6f1c2a8e-3b0d-4c55-9a11-2f4f8c7e9d10';
const hostileId = fc.oneof(
  fc.constantFrom('..', '%2e%2e', '%00', '%ZZ', '%F0%9F%98%80', 'a'.repeat(65), 'a'.repeat(10_000), '__proto__', 'constructor', 'x%2Fy', '%20', '-x', UUID.toUpperCase(), UUID),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
  fc.uuid().map(String),
);

/** Requests against one endpoint; `ids` are stored aggregates of its parent kind. */
export const requestsFor = (endpoint: Endpoint, ids: readonly string[]): fc.Arbitrary<FuzzRequest> => {
  const realId = ids.length > 0 ? fc.constantFrom(...ids) : fc.constant(UUID);
  const id = endpoint.parent ? fc.oneof({ weight: 4, arbitrary: realId }, { weight: 1, arbitrary: hostileId }) : fc.constant('');
  const url = id.map((i) => endpoint.path.replace('{id}', i));
  const auth = bearer('admin');
  const validText = () => toJsonText(endpoint.valid());
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(url, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([u, ms]) => ({
        kind: 'mutated body', url: u, headers: { ...auth, ...JSON_TYPE }, payload: toJsonText(mutate(endpoint.valid(), ms)),
      })),
    },
    { weight: 2, arbitrary: fc.tuple(url, rawJson).map(([u, p]) => ({ kind: 'raw JSON', url: u, headers: { ...auth, ...JSON_TYPE }, payload: p })) },
    { weight: 1, arbitrary: fc.tuple(url, rawBytes).map(([u, p]) => ({ kind: 'raw bytes', url: u, headers: { ...auth, ...JSON_TYPE }, payload: p })) },
    {
      weight: 1,
      arbitrary: fc.tuple(url, fc.constantFrom(...CONTENT_TYPES)).map(([u, type]) => ({
        kind: 'content type', url: u, headers: { ...auth, ...(type && { 'content-type': type }) }, payload: validText(),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(endpoint.parent ? hostileId : fc.constant(''), hostileHeaders).map(([i, h]) => ({
        kind: 'id and headers', url: endpoint.path.replace('{id}', i), headers: { ...auth, ...JSON_TYPE, ...h }, payload: validText(),
      })),
    },
  ).map(printable);
};

export const toInject = (request: FuzzRequest): InjectOptions => ({ method: 'POST', url: request.url, headers: request.headers, payload: request.payload });
