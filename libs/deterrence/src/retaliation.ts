import type { RetaliationVerdict } from '@poc/domain';
import { mostRecentDeparture, underWay } from './attribution';
import type { Context } from './context';
import { dayString } from './days';
import { METHODOLOGY_VERSION, RETALIATION_DAYS } from './methodology';

/**
 * Analysts' verdicts on candidates, recorded as RetaliationAssessed events and handed in as a
 * map candidate incident id → the verdict that stands (verdictsByIncident of the
 * retaliation-verdicts read model). `undetermined` is a verdict: the candidate was reviewed.
 */
export type RetaliationVerdicts = Readonly<Record<string, RetaliationVerdict>> | ReadonlyMap<string, RetaliationVerdict>;

export type RetaliationCandidate = Readonly<{
  incidentId: string;
  occurredAt: string;
  episodeId: string;
  sourceId: string;
  departure: string;
  /** Days after the departure day. */
  day: number;
  distanceKm: number;
  /** null: awaiting review. */
  verdict: RetaliationVerdict | null;
}>;

export type RetaliationSummary = Readonly<{
  methodologyVersion: string;
  radiusKm: number;
  candidates: readonly RetaliationCandidate[];
  reviewed: number;
  awaitingReview: number;
  documented: number;
  /** "no retaliation documented (n candidates reviewed)", never "none occurred". */
  summary: string;
}>;

const verdictOf = (verdicts: RetaliationVerdicts, id: string): RetaliationVerdict | null =>
  (verdicts instanceof Map ? verdicts.get(id) : (verdicts as Record<string, RetaliationVerdict>)[id]) ?? null;

/**
 * DOMAIN.md: civilian-targeting incidents attributed to a departure — not during another
 * presence, and the most recent departure within r — within 14 days of it (30 after a TOB
 * closes) are candidates, whatever censoring says about the curve. Only day- and
 * place-precise incidents can be attributed to a departure.
 */
export const retaliationCandidates = (
  ctx: Context,
  radiusKm: number,
  focal: ReadonlySet<number>,
  verdicts: RetaliationVerdicts = {},
): RetaliationCandidate[] => {
  const found: RetaliationCandidate[] = [];
  for (const incident of ctx.incidents) {
    if (incident.precision !== 'daily' || !incident.view.targetsCivilians) continue;
    const near = incident.near.filter((n) => n.km <= radiusKm);
    if (near.length === 0 || underWay(ctx.timeline, near, incident.day)) continue;
    const departed = mostRecentDeparture(ctx.timeline, near, incident.day);
    if (!departed || !focal.has(departed.index)) continue;
    const { episode, departure } = ctx.timeline[departed.index];
    const day = incident.day - departure!;
    if (day > (episode.kind === 'base' ? RETALIATION_DAYS.base : RETALIATION_DAYS.default)) continue;
    const { incidentId, occurredAt } = incident.view;
    found.push({
      incidentId,
      occurredAt,
      episodeId: episode.episodeId,
      sourceId: episode.sourceId,
      departure: dayString(departure!),
      day,
      distanceKm: departed.km,
      verdict: verdictOf(verdicts, incidentId),
    });
  }
  return found;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const summariseRetaliation = (candidates: readonly RetaliationCandidate[], radiusKm: number): RetaliationSummary => {
  const reviewed = candidates.filter((c) => c.verdict !== null).length;
  const awaitingReview = candidates.length - reviewed;
  const found = candidates.filter((c) => c.verdict === 'retaliation');
  const pending = awaitingReview > 0 ? `, ${awaitingReview} awaiting review` : '';
  const summary =
    found.length === 0
      ? `no retaliation documented (${plural(reviewed, 'candidate')} reviewed${pending})`
      : `retaliation documented: ${found.length} of ${plural(candidates.length, 'candidate')} (` +
        found.map((c) => `incident ${c.incidentId}, day ${c.day} after ${c.episodeId} left`).join('; ') +
        `)${pending}`;
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    radiusKm,
    candidates,
    reviewed,
    awaitingReview,
    documented: found.length,
    summary,
  };
};
