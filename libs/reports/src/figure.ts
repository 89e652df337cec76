/**
 * One number of the period report, with what it is made of: `of` and `share` when it is a
 * part of a whole, and `trace`, the API route that lists the records it counts (each record
 * leads to its events through GET /streams/{id}), so an analyst can defend it.
 */
export type Figure = Readonly<{
  /** Stable across versions: `<section>.<name>`. Labels may change; keys do not. */
  key: string;
  label: string;
  value: number | null;
  /** The whole this is a part of, when it is one. */
  of?: number;
  /** value / of, null when the whole is 0. */
  share?: number | null;
  unit?: 'count' | 'hours' | 'minutes' | 'people' | 'ratio' | 'days';
  trace: string;
}>;

export type ReportSection = Readonly<{
  id: string;
  title: string;
  figures: readonly Figure[];
  /** What a reader must know to read the figures right (a definition, a caveat). */
  notes?: readonly string[];
}>;

export const count = (key: string, label: string, value: number, trace: string, unit: Figure['unit'] = 'count'): Figure => ({ key, label, value, unit, trace });

/** A part of a whole: its count, the whole and the share, rounded to 4 places for reading (the counts are exact). */
export const part = (key: string, label: string, value: number, of: number, trace: string): Figure => ({
  key,
  label,
  value,
  of,
  share: of === 0 ? null : Math.round((value / of) * 10_000) / 10_000,
  unit: 'count',
  trace,
});

export const measure = (key: string, label: string, value: number | null, unit: NonNullable<Figure['unit']>, trace: string): Figure => ({ key, label, value, unit, trace });
