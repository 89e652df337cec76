/**
 * The engine counts in whole UTC days (Mali is UTC+0 without daylight saving): a day is an
 * integer, days since 1970-01-01, so windows are plain integer ranges.
 */
export const DAY_MS = 86_400_000;

export const dayNumber = (iso: string): number => Math.floor(Date.parse(iso) / DAY_MS);

export const dayString = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The first instant of a day, ISO. */
export const dayStart = (day: number): string => new Date(day * DAY_MS).toISOString();
