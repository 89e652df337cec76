/** A failure the analyst can fix (bad argument, unreachable database): one line, exit 1. */
export class CliError extends Error {}

export const parseTime = (value: string, option: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new CliError(`${option} must be a date (2020-03-01) or a UTC time (2020-03-01T06:00:00Z), not "${value}"`);
  }
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString();
};

/** An inclusive upper bound: a day means up to its last millisecond (UTC), a time means that instant. */
export const parseEndTime = (value: string, option: string): string =>
  value.length === 10 ? new Date(Date.parse(parseTime(value, option)) + 86_399_999).toISOString() : parseTime(value, option);
