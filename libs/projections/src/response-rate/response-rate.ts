import { toMillis } from '@poc/domain';
import type { AlertResponse, AlertView } from '../alerts/alerts.projection';
import type { FlightView } from '../flights/flights.projection';
import { median, nearestRankPercentile } from '../statistics/percentiles';

/**
 * The mandate's figure (DOMAIN.md, "Mandate"): the rate of response to alerts — alerts with
 * an executed response over actionable alerts — and the time to response. See
 * docs/response-rate.md for the definitions and why.
 *
 * - **Actionable**: a received alert that was not closed as `unfounded`. An unfounded alert
 *   (a hoax, a misunderstanding, a threat that proved not to exist) needed no response, so
 *   counting it would punish the mission for checking. Every other alert counts, *open ones
 *   included*: leaving out alerts still open would let non-response disappear by never
 *   closing the alert; `attack-occurred` counts, as the threat was real.
 * - **Executed response**: a flight dispatched for the alert that was not aborted, or a patrol
 *   deployed for it (a patrol link only exists once PatrolDeployed is recorded). A flight the
 *   flights read model does not know yet is counted: its link comes from FlightDispatched
 *   itself, so it was dispatched; only a recorded abort takes it out.
 * - **Time to response**: the first executed response's time (dispatch, deployment) minus
 *   receivedAt, in minutes. A response already under way before the alert came in (a patrol
 *   redirected to it) counts as 0 minutes, not as a negative time.
 */
export type ResponseRate = Readonly<{
  /** Alerts received in the range and not closed as unfounded. */
  actionable: number;
  /** Actionable alerts with at least one executed response. */
  responded: number;
  /** responded / actionable; null when nothing was actionable. */
  rate: number | null;
  /** Median minutes from receipt to the first executed response, over responded alerts; null when none. */
  medianMinutesToResponse: number | null;
  /** 90th percentile (nearest rank) of the same minutes; null when none. */
  p90MinutesToResponse: number | null;
  /** The range of receivedAt it was computed over (inclusive, ISO 8601 UTC); null = unbounded. */
  from: string | null;
  to: string | null;
}>;

export type ResponseRateRange = Readonly<{ from?: string; to?: string }>;

/** An alert the mission had to act on: received, and not closed as unfounded. */
export const isActionable = (alert: AlertView): boolean => alert.receivedAt !== undefined && alert.closed?.outcome !== 'unfounded';

/** The alert's responses that were carried out, in time order (the view keeps them sorted). */
export const executedResponses = (alert: AlertView, flights: ReadonlyMap<string, Pick<FlightView, 'status'>>): AlertResponse[] =>
  alert.responses.filter((r) => r.kind === 'patrol' || flights.get(r.id)?.status !== 'aborted');

const MINUTE_MS = 60_000;

const inRange = (alert: AlertView, range: ResponseRateRange): boolean => {
  if (alert.receivedAt === undefined) return false;
  const at = toMillis(alert.receivedAt);
  return (range.from === undefined || at >= toMillis(range.from)) && (range.to === undefined || at <= toMillis(range.to));
};

/**
 * Pure: the caller fetches the alerts (received in the range) and the flights they link to.
 * Alerts outside the range, or known only through a response (no receivedAt yet), are left out.
 */
export const responseRate = (
  alerts: readonly AlertView[],
  flights: Iterable<Pick<FlightView, 'flightId' | 'status'>>,
  range: ResponseRateRange = {},
): ResponseRate => {
  const flightsById = new Map([...flights].map((f) => [f.flightId, f]));
  const actionable = alerts.filter((a) => inRange(a, range) && isActionable(a));
  const minutes: number[] = [];
  for (const alert of actionable) {
    const first = executedResponses(alert, flightsById).reduce<AlertResponse | undefined>(
      (earliest, r) => (earliest === undefined || toMillis(r.at) < toMillis(earliest.at) ? r : earliest),
      undefined,
    );
    if (first) minutes.push(Math.max(0, toMillis(first.at) - toMillis(alert.receivedAt!)) / MINUTE_MS);
  }
  return {
    actionable: actionable.length,
    responded: minutes.length,
    rate: actionable.length === 0 ? null : minutes.length / actionable.length,
    medianMinutesToResponse: median(minutes),
    p90MinutesToResponse: nearestRankPercentile(minutes, 90),
    from: range.from ?? null,
    to: range.to ?? null,
  };
};
