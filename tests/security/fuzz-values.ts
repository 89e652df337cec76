import fc from 'fast-check';

/**
 * Hostile values for one field of a JSON body. Some cannot be written by JSON.stringify
 * (1e999 parses to Infinity, -0): they travel as `raw(...)` placeholders that `toJsonText`
 * swaps for the bare token after stringifying.
 */
const RAW = '\u0001raw\u0001';
export const raw = (token: string): string => `${RAW}${token}${RAW}`;
export const toJsonText = (value: unknown): string =>
  JSON.stringify(value).replace(/"\\u0001raw\\u0001(.*?)\\u0001raw\\u0001"/g, '$1');

const HUGE = 100_000;

const oddUnicode = fc.constantFrom(
  '\uD800', // lone high surrogate
  'a\uDFFFb', // lone low surrogate
  '\u0000', // NUL: PostgreSQL text and jsonb refuse it
  'x\u0000y',
  '\u202Eevil\u202C', // RTL override
  '\u200B\u200C\u200D\uFEFF', // zero-width and BOM
  '👩‍👩‍👧‍👦🇲🇱', // ZWJ sequence and a flag
  'e\u0301\u0301\u0301', // stacked combining marks
  '\\u0000', // an escape written out
  "'; DROP TABLE events; --",
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '\r\n\t',
);

export const hostileString = fc.oneof(
  oddUnicode,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('a'.repeat(HUGE), '😀'.repeat(HUGE / 2), '\u0000'.repeat(HUGE), `${'\uD800'.repeat(10)}${'x'.repeat(HUGE)}`),
  fc.constantFrom('', ' ', 'null', 'undefined', 'true', '0', '-1', 'NaN', 'Infinity', '-Infinity', '1e999', '14.1', '0x10'),
);

/** Dates at and beyond the ends of what Date and the stores can hold, and near misses. */
export const hostileTime = fc.oneof(
  fc.constantFrom(
    '+275760-09-13T00:00:00Z', // Date's last instant
    '+275760-09-13T00:00:00.001Z', // one past it
    '275760-09-13T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
    '10000-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '-271821-04-20T00:00:00Z',
    '1970-01-01T00:00:00Z',
    '2020-02-30T00:00:00Z',
    '2020-13-01T00:00:00Z',
    '2020-03-01T24:00:00Z',
    '2016-12-31T23:59:60Z', // a leap second
    '2020-03-01T00:00:00+25:00',
    '2020-03-01T00:00:00-00:00',
    '2020-03-01T00:00:00.1234567890123Z',
    '2020-03-01',
    '2020-03-01T00:00:00',
    '2020-W10-1T00:00:00Z',
    '2020-061T00:00:00Z',
  ),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer({ min: -300_000, max: 300_000 }).map((y) => `${y < 0 ? '-' : '+'}${String(Math.abs(y)).padStart(6, '0')}-06-01T00:00:00Z`),
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(raw('1e999'), raw('-1e999'), raw('-0'), raw('1e-999'), raw('9007199254740993'), raw('1.7976931348623157e308'), raw('5e-324')),
  fc.constantFrom('NaN', 'Infinity', '1e999', '14.1', -91, 91, -181, 181, 90.0000001, 0, -1, 0.5, 2 ** 31, -(2 ** 53), 1e21),
  fc.double(), // NaN and ±Infinity stringify as null
  fc.integer(),
);

/** Nested `depth` levels deep: thousands of levels, the recursion a parser or walker must survive. */
export const deepNesting = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export const hostileStructure = fc.oneof(
  fc.constantFrom(
    raw(deepNesting(5_000, 'array')),
    raw(deepNesting(5_000, 'object')),
    raw(deepNesting(100_000, 'array')),
    new Array(HUGE).fill(0),
    new Array(10_000).fill('6f1c2a8e-3b0d-4c55-9a11-2f4f8c7e9d10'),
    new Array(101).fill({ lat: 14, lon: -3, arrivedAt: '2020-03-02T16:00:00Z', departedAt: '2020-03-03T07:00:00Z' }),
    Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])),
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileTime },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 2, arbitrary: hostileStructure },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { lat: 1 }) },
);

/** Field names that reach for prototypes or collide with what the code adds itself. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'alertId', 'patrolId', 'incidentId', 'h3', 'id'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
);
