import { EVALUATION_RATINGS } from '@poc/domain';
import type { CaveatSummary, EvaluationSummary, UnitKindFigures } from '@poc/projections';
import { count, part, type ReportSection } from '../figure';
import { rangeParams, type Period } from '../period';

const kindFigures = (prefix: string, label: string, f: UnitKindFigures, trace: string) => [
  count(`${prefix}.unitsEvaluated`, `${label} units evaluated`, f.unitsEvaluated, trace),
  ...EVALUATION_RATINGS.map((r) => part(`${prefix}.rating.${r}`, `rated ${r} (latest evaluation)`, f.byRating[r], f.unitsEvaluated, trace)),
  part(`${prefix}.unitsWithPlans`, 'units with an improvement plan', f.plans.unitsWithPlans, f.unitsEvaluated, trace),
  count(`${prefix}.plansOpen`, 'improvement plans still open', f.plans.open, trace),
];

/** Performance evaluations of military units and formed police units, and caveats, in the period. */
export const evaluationsSection = (evaluations: EvaluationSummary, caveats: CaveatSummary, period: Period): ReportSection => {
  const range = `${rangeParams(period)}&asOf=${encodeURIComponent(period.asOf)}`;
  const trace = `/evaluations/summary?${range}`;
  const caveatTrace = `/caveats/summary?${range}`;
  return {
    id: 'evaluations',
    title: 'Performance evaluations and caveats',
    figures: [
      ...kindFigures('evaluations.military', 'military', evaluations.military, trace),
      ...kindFigures('evaluations.formedPolice', 'formed police', evaluations.formedPolice, trace),
      count('caveats.raised', 'caveats raised', caveats.raised, caveatTrace),
      count('caveats.undeclared', 'undeclared caveats', caveats.undeclared, `/caveats?since=${period.from}&declared=false`),
      count('caveats.conditions', 'conditions raised', caveats.byKind.condition, caveatTrace),
      count('caveats.open', 'caveats not settled', caveats.open, caveatTrace),
    ],
  };
};
