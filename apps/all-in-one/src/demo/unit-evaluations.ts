import { caveatStreamId, evaluationStreamId, type EvaluationRating, type ShortfallArea } from '@poc/domain';
import { at, plusHours, type Rng } from './prng';
import { step, type Step } from './scenario-step';

/** The letter (CONTEXT.md): 24 military units evaluated since 1 January 2020, 17 with plans; all 10 FPUs, satisfactory. */
const LETTER_EVALUATIONS = {
  military: { units: 24, excellent: 1, satisfactory: 15, shortfalls: 4, needsImprovement: 4, unitsWithPlans: 17 },
  formedPolice: { units: 10, satisfactory: 10 },
  undeclaredCaveats: 0,
} as const;

const CONTINGENTS = ['Bangladesh', 'Chad', 'Egypt', 'Senegal', 'Togo', 'Niger', 'Burkina Faso', 'Guinea'];
const AREAS: readonly ShortfallArea[] = ['mandate-knowledge', 'training', 'command-and-control', 'equipment'];

/**
 * The military units' evaluations from January to May (one each), the improvement plans
 * issued to 17 of them with the measures taken since, and the ten FPUs' first-quarter
 * evaluations in April.
 */
const evaluations = (rng: Rng): Step[] => {
  const { military } = LETTER_EVALUATIONS;
  const ratings: EvaluationRating[] = [
    ...Array<EvaluationRating>(military.excellent).fill('excellent'),
    ...Array<EvaluationRating>(military.satisfactory).fill('satisfactory'),
    ...Array<EvaluationRating>(military.shortfalls).fill('shortfalls'),
    ...Array<EvaluationRating>(military.needsImprovement).fill('needs-improvement'),
  ];
  const steps: Step[] = [];
  // Plans: every unit below satisfactory, and 9 satisfactory ones with a weak area.
  let satisfactoryPlans = military.unitsWithPlans - military.shortfalls - military.needsImprovement;
  ratings.forEach((rating, i) => {
    const evaluationId = rng.uuid();
    const stream = evaluationStreamId(evaluationId);
    const evaluatedAt = at(`2020-0${1 + (i % 5)}-${String(6 + (i % 14)).padStart(2, '0')}`, 10);
    const shortfallAreas = rating === 'shortfalls' ? [rng.pick(AREAS), 'equipment' as const].filter((a, j, all) => all.indexOf(a) === j) : [];
    steps.push(step('evaluation', stream, plusHours(evaluatedAt, 2), {
      type: 'EvaluateUnit',
      data: { evaluationId, unitId: `MIL-${String(i + 1).padStart(2, '0')}`, unitKind: 'military', period: { from: '2019-07-01', to: '2019-12-31' }, evaluatedAt, rating, shortfallAreas, contingent: CONTINGENTS[i % CONTINGENTS.length]! },
    }));
    const planned = rating === 'shortfalls' || rating === 'needs-improvement' || (rating === 'satisfactory' && satisfactoryPlans-- > 0);
    if (!planned) return;
    const issuedAt = plusHours(evaluatedAt, 24 * rng.int(3, 10));
    steps.push(step('evaluation', stream, plusHours(issuedAt, 1), { type: 'IssueImprovementPlan', data: { evaluationId, issuedAt, ...(shortfallAreas.length > 0 && { areas: shortfallAreas }) } }));
    const takenAt = plusHours(issuedAt, 24 * rng.int(5, 15));
    if (takenAt < '2020-05-20') steps.push(step('evaluation', stream, plusHours(takenAt, 1), { type: 'RecordImprovementMeasure', data: { evaluationId, takenAt, measure: 'refresher training on the mandate and the rules of engagement' } }));
  });
  for (let i = 0; i < LETTER_EVALUATIONS.formedPolice.units; i++) {
    const evaluationId = rng.uuid();
    const evaluatedAt = at(`2020-04-${String(6 + i).padStart(2, '0')}`, 10);
    steps.push(step('evaluation', evaluationStreamId(evaluationId), plusHours(evaluatedAt, 2), {
      type: 'EvaluateUnit',
      data: { evaluationId, unitId: `FPU-${i + 1}`, unitKind: 'formed-police', period: { from: '2020-01-01', to: '2020-03-31' }, evaluatedAt, rating: 'satisfactory', shortfallAreas: [], contingent: CONTINGENTS[i % CONTINGENTS.length]! },
    }));
  }
  return steps;
};

/** Two caveats, both declared and both settled: the letter's "no undeclared caveat". */
const caveats = (rng: Rng): Step[] => {
  const escort = rng.uuid();
  const raisedAt = at('2020-03-02', 9);
  const settledAt = at('2020-03-05', 15);
  const second = rng.uuid();
  return [
    step('caveat', caveatStreamId(escort), plusHours(raisedAt, 1), {
      type: 'RaiseCaveat',
      data: { caveatId: escort, contingent: 'Chad', unit: 'Convoy escort company 2', kind: 'condition', declared: true, order: 'escort the Gao–Kidal convoy on the new supply route', condition: 'night air surveillance of the route', raisedAt },
    }),
    step('caveat', caveatStreamId(escort), plusHours(settledAt, 1), { type: 'SettleCaveat', data: { caveatId: escort, settledAt, outcome: 'condition-met', settlement: 'a UAV tasked for the night legs' } }),
    step('caveat', caveatStreamId(second), at('2020-04-14', 12), {
      type: 'RaiseCaveat',
      data: { caveatId: second, contingent: 'Egypt', kind: 'refusal', declared: true, order: 'move a platoon to Tessalit within 24 h', condition: 'no movement before the road is cleared', raisedAt: at('2020-04-14', 11) },
    }),
    step('caveat', caveatStreamId(second), at('2020-04-16', 10), { type: 'SettleCaveat', data: { caveatId: second, settledAt: at('2020-04-16', 9), outcome: 'order-amended', settlement: 'the move follows the route clearance' } }),
  ];
};

export const unitEvaluations = (rng: Rng): Step[] => [...evaluations(rng), ...caveats(rng)];
