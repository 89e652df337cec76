/**
 * mulberry32: a 32-bit seeded generator, tiny and good enough for a demo. Math.random
 * cannot be seeded, and the demo must give the same history on every machine so the
 * printed guide (ids, counts) matches what the reader sees.
 */
export type Rng = Readonly<{
  next: () => number;
  int: (min: number, max: number) => number;
  between: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  uuid: () => string;
}>;

export const createRng = (seed: number): Rng => {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const hex = (n: number): string => Array.from({ length: n }, () => int(0, 15).toString(16)).join('');
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of items) if ((r -= w) < 0) return item;
      return items[items.length - 1]![0];
    },
    // Version-4 shape, so validators that insist on an RFC 4122 UUID accept it.
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
  };
};

const HOUR_MS = 3_600_000;

/** Simulated time arithmetic: the scenario lives in ISO strings like the events it makes. */
export const plusHours = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + Math.round(hours * HOUR_MS)).toISOString();

export const at = (day: string, hour: number): string => plusHours(`${day}T00:00:00.000Z`, hour);
