/** The report's period: whole UTC days, and the moment the figures are known as of. */
export type Period = Readonly<{
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
  /** ISO 8601: what the store knew then (the default: now). */
  asOf: string;
}>;

/** The period's bounds as ISO times: the start of `from`, the last millisecond of `to`. */
export const bounds = (period: Period): Readonly<{ from: string; to: string }> => ({
  from: `${period.from}T00:00:00.000Z`,
  to: `${period.to}T23:59:59.999Z`,
});

/** `?from=…&to=…` for a trace route. */
export const rangeParams = (period: Period): string => `from=${period.from}&to=${period.to}`;

/** Whether an ISO time falls within the period. */
export const within = (period: Period, at: string | undefined): boolean => {
  if (!at) return false;
  // As instants, not as text: "…59Z" sorts after "…59.999Z".
  const b = bounds(period);
  const t = Date.parse(at);
  return t >= Date.parse(b.from) && t <= Date.parse(b.to);
};
