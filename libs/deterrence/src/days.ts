/**
 * The engine counts in whole UTC days (Mali is UTC+0 without daylight saving): a day is an
 * integer, days since 1970-01-01, so windows are plain integer ranges.
 */
export const DAY_MS = 86_400_000;

export const dayNumber = (iso: string): number => Math.floor(Date.parse(iso) / DAY_MS);

const names = new Map<number, string>();

/** YYYY-MM-DD of a day number (memoised: outputs name the same few hundred days over and over). */
export const dayString = (day: number): string => {
  let name = names.get(day);
  if (name === undefined) {
    name = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (names.size < 100_000) names.set(day, name);
  }
  return name;
};
