/** Calendar months (UTC, as Mali keeps no daylight saving), YYYY-MM. */

/** The month of an ISO time. */
export const monthOf = (iso: string): string => new Date(Date.parse(iso)).toISOString().slice(0, 7);

const nextMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

/** The month's first and last millisecond. */
export const monthSpan = (month: string): Readonly<{ start: number; end: number }> => ({
  start: Date.parse(`${month}-01T00:00:00.000Z`),
  end: Date.parse(`${nextMonth(month)}-01T00:00:00.000Z`) - 1,
});

/**
 * Every month from the range's first to its last: the bounds' months when given, else the
 * earliest or latest of `seen` (months with data) within the bounds given. Empty when there
 * is neither a bound nor data on a side.
 */
export const monthsBetween = (range: Readonly<{ from?: string; to?: string }>, seen: Iterable<string>): string[] => {
  const first = range.from !== undefined ? monthOf(range.from) : undefined;
  const last = range.to !== undefined ? monthOf(range.to) : undefined;
  const within = [...seen].filter((m) => (first === undefined || m >= first) && (last === undefined || m <= last)).sort();
  const start = first ?? within[0];
  const end = last ?? within[within.length - 1];
  if (start === undefined || end === undefined || start > end) return [];
  const months: string[] = [];
  for (let m = start; m <= end; m = nextMonth(m)) months.push(m);
  return months;
};
