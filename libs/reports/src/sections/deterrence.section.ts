import type { DeterrenceResult } from '@poc/deterrence';
import { count, measure, type ReportSection } from '../figure';
import type { Period } from '../period';

/**
 * The pooled deterrence curve of every presence in the period (docs/deterrence.md), or why it
 * could not be computed (a selection larger than one request computes).
 */
export const deterrenceSection = (result: DeterrenceResult | { refused: string }, period: Period): ReportSection => {
  const trace = `/deterrence?from=${period.from}&to=${period.to}&asOf=${encodeURIComponent(period.asOf)}`;
  if ('refused' in result) return { id: 'deterrence', title: 'Deterrence', figures: [], notes: [result.refused] };
  const post = result.days.reduce((n, d) => n + d.incidents, 0);
  return {
    id: 'deterrence',
    title: 'Deterrence',
    figures: [
      count('deterrence.episodes', 'presence episodes pooled', result.episodes, trace),
      count('deterrence.incidentsDays1to14', 'incidents within the radius, days 1–14 after', post, trace),
      measure('deterrence.rateRatio', 'rate ratio, days 1–14 against the baseline', result.rateRatio, 'ratio', trace),
      measure('deterrence.ci95Low', 'its 95% interval, low', result.ci95?.[0] ?? null, 'ratio', trace),
      measure('deterrence.ci95High', 'its 95% interval, high (null: unbounded)', result.ci95?.[1] ?? null, 'ratio', trace),
      measure('deterrence.horizonDays', 'effect horizon', result.horizonDays, 'days', trace),
      count('deterrence.retaliationCandidates', 'retaliation candidates (attacks on civilians after a departure)', result.retaliation.candidates.length, trace),
      count('deterrence.retaliationReviewed', 'candidates reviewed', result.retaliation.reviewed, '/retaliation-assessments'),
      count('deterrence.retaliationDocumented', 'retaliation documented', result.retaliation.documented, '/retaliation-assessments'),
    ],
    notes: [result.retaliation.summary, `within ${result.radiusKm} km, methodology ${result.methodologyVersion}, as of ${result.asOf}${result.provisional ? '; some windows provisional (reporting lag)' : ''}`],
  };
};
