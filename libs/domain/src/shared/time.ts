import { invalid } from './domain-error';

/**
 * Reports may carry a clock that runs a little fast (a field radio, a phone); more than
 * this ahead of the server is a typing mistake, not skew.
 */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

const DAY_MS = 86_400_000;

export const toMillis = (iso: string): number => Date.parse(iso);

/** Refuse a world time that lies in the future beyond the tolerated skew. */
export const assertNotInFuture = (iso: string, now: string, field: string): void => {
  if (toMillis(iso) - toMillis(now) > MAX_CLOCK_SKEW_MS) {
    throw invalid(`${field} (${iso}) lies in the future (server time ${now})`, field);
  }
};

export const assertNotBefore = (later: string, earlier: string, field: string, earlierName: string): void => {
  if (toMillis(later) < toMillis(earlier)) {
    throw invalid(`${field} (${later}) is before ${earlierName} (${earlier})`, field);
  }
};

/** Mali is UTC+0 without daylight saving: a day is a UTC calendar day (YYYY-MM-DD). */
export const utcDay = (iso: string): string => new Date(toMillis(iso)).toISOString().slice(0, 10);

/** Whole UTC days from `from` to `to` (both YYYY-MM-DD or ISO times). */
export const dayDiff = (from: string, to: string): number =>
  Math.round((Date.parse(utcDay(to)) - Date.parse(utcDay(from))) / DAY_MS);

export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(utcDay(day)) + n * DAY_MS).toISOString().slice(0, 10);
