import type { Context, PreparedIncident } from './context';
import { BASELINE_DAYS, POST_WINDOW_DAYS } from './methodology';
import type { TimedEpisode } from './episodes';

/**
 * Incidents that cannot enter a daily curve still count somewhere (DOMAIN.md, ACLED's
 * precision codes), as distinct incidents, outside the rate ratio:
 * - place-precise but dated to the week (coded to its middle: ±3 days) or the month: a
 *   window total for its nearest departed focal episode within r — post when its whole date
 *   span lies in days 1..14, baseline when it lies in the 28 days before arrival, else
 *   straddling;
 * - day-precise but placed in a region only: a count for its cercle, post when its day falls
 *   in the post window of a departed focal episode of that cercle, else baseline when in one
 *   of their baselines.
 */
export type ImpreciseSummary = Readonly<{
  windowTotals: Readonly<{ post: number; baseline: number; straddling: number }>;
  cercleLevel: readonly Readonly<{ cercle: string; post: number; baseline: number }>[];
}>;

const spanOf = (incident: PreparedIncident): [number, number] => {
  if (incident.view.timePrecision === 2) return [incident.day - 3, incident.day + 3];
  const date = new Date(incident.day * 86_400_000);
  const first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000;
  const last = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / 86_400_000;
  return [first, last];
};

const within = ([a, b]: [number, number], from: number, to: number) => a >= from && b <= to;
const overlaps = ([a, b]: [number, number], from: number, to: number) => a <= to && b >= from;
const post = (t: TimedEpisode): [number, number] => [t.departure! + 1, t.departure! + POST_WINDOW_DAYS];
const baseline = (t: TimedEpisode): [number, number] => [t.arrival - BASELINE_DAYS, t.arrival - 1];

export const impreciseSummary = (ctx: Context, radiusKm: number, focal: ReadonlySet<number>): ImpreciseSummary => {
  const departed = (i: number) => focal.has(i) && ctx.timeline[i].departure !== undefined;
  const windowTotals = { post: 0, baseline: 0, straddling: 0 };
  const byCercle = new Map<string, { post: number; baseline: number }>();
  const focalByCercle = new Map<string, TimedEpisode[]>();
  for (const i of focal) {
    const { cercle } = ctx.timeline[i].episode;
    if (cercle !== undefined && departed(i)) focalByCercle.set(cercle, [...(focalByCercle.get(cercle) ?? []), ctx.timeline[i]]);
  }
  for (const incident of ctx.incidents) {
    if (incident.precision === 'window') {
      const nearest = incident.near.filter((n) => n.km <= radiusKm && departed(n.index)).sort((a, b) => a.km - b.km || a.index - b.index)[0];
      if (!nearest) continue;
      const t = ctx.timeline[nearest.index];
      const span = spanOf(incident);
      if (within(span, ...post(t))) windowTotals.post += 1;
      else if (within(span, ...baseline(t))) windowTotals.baseline += 1;
      else if (overlaps(span, ...post(t)) || overlaps(span, ...baseline(t))) windowTotals.straddling += 1;
    }
    const cercle = incident.view.location.cercle;
    if (incident.precision === 'cercle' && cercle !== undefined && focalByCercle.has(cercle)) {
      const episodes = focalByCercle.get(cercle)!;
      const tally = byCercle.get(cercle) ?? { post: 0, baseline: 0 };
      const span: [number, number] = [incident.day, incident.day];
      if (episodes.some((t) => within(span, ...post(t)))) tally.post += 1;
      else if (episodes.some((t) => within(span, ...baseline(t)))) tally.baseline += 1;
      byCercle.set(cercle, tally);
    }
  }
  const cercleLevel = [...byCercle].sort(([a], [b]) => (a < b ? -1 : 1)).map(([cercle, tally]) => ({ cercle, ...tally }));
  return { windowTotals, cercleLevel };
};
