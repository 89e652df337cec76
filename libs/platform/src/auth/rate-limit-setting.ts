import { z } from 'zod';

/** At most `limit` requests in any `windowMs` (a sliding window), or no limit at all. */
export type RateLimit = Readonly<{ limit: number; windowMs: number }> | 'off';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const PATTERN = /^(\d+)\/(\d+)(ms|s|m|h)$/;
// The in-memory limiter keeps one timestamp per request still inside the window and scans
// them on every request: past ten thousand that costs more than the flood it would stop,
// so a load test that needs more turns the limit off rather than raising it further.
const MAX_LIMIT = 10_000;
const MIN_WINDOW_MS = 1_000;
const MAX_WINDOW_MS = 3_600_000;

const FORMAT = `must be <limit>/<window> such as 120/60s (limit 1–${MAX_LIMIT}; window 1s–1h, in ms, s, m or h) or off`;

/** `120/60s`, `5/2s`, `600/10m` or `off`; undefined when the text is none of these. */
export const parseRateLimit = (text: string): RateLimit | undefined => {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off') return 'off';
  const match = PATTERN.exec(trimmed);
  if (!match) return undefined;
  const limit = Number(match[1]);
  const windowMs = Number(match[2]) * UNIT_MS[match[3] as keyof typeof UNIT_MS];
  if (limit < 1 || limit > MAX_LIMIT || windowMs < MIN_WINDOW_MS || windowMs > MAX_WINDOW_MS) return undefined;
  return { limit, windowMs };
};

/** A config entry for a rate limit, parsed once at start so a typo stops the process. */
export const rateLimitSetting = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx): RateLimit => {
      const parsed = parseRateLimit(text);
      if (parsed) return parsed;
      ctx.addIssue({ code: 'custom', message: FORMAT });
      return z.NEVER;
    });

/** For messages: `120 per 60 s`. */
export const describeRateLimit = (rate: RateLimit): string =>
  rate === 'off' ? 'no limit' : `${rate.limit} per ${rate.windowMs / 1000} s`;
