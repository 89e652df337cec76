import type { Command } from '../shared/domain-event';
import { conflict, invalid } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import { BELOW_SATISFACTORY, EVALUATION_RATINGS, UNIT_KINDS, type ShortfallArea, type UnitEvaluated } from './evaluation.events';
import type { EvaluationState } from './evaluation.state';
import { assertAreas, assertDay, isCalendarQuarter } from './evaluation-rules';

export type EvaluateUnitData = Omit<UnitEvaluated['data'], 'shortfallAreas'> & Readonly<{ shortfallAreas?: readonly ShortfallArea[] }>;
export type EvaluateUnit = Command<'EvaluateUnit', EvaluateUnitData>;

const assertPeriod = ({ period, unitKind }: EvaluateUnitData): void => {
  assertDay(period.from, 'period.from');
  assertDay(period.to, 'period.to');
  if (period.to < period.from) throw invalid(`period.to (${period.to}) is before period.from (${period.from})`, 'period.to');
  if (unitKind === 'formed-police' && !isCalendarQuarter(period.from, period.to)) {
    throw invalid('a formed police unit is evaluated quarterly: its period must be one calendar quarter (2020-01-01 to 2020-03-31)', 'period');
  }
};

/**
 * An evaluation needs a rating; shortfall areas go only with a rating below satisfactory
 * (an excellent or satisfactory unit's remarks are not shortfalls), and `shortfalls` must
 * say which. `needs-improvement` may stand without areas: it can be the overall verdict.
 */
const assertRating = ({ rating, shortfallAreas = [] }: EvaluateUnitData): readonly ShortfallArea[] => {
  if (!(EVALUATION_RATINGS as readonly string[]).includes(rating)) throw invalid(`rating must be one of ${EVALUATION_RATINGS.join(', ')}`, 'rating');
  const areas = assertAreas(shortfallAreas, 'shortfallAreas');
  const below = BELOW_SATISFACTORY.includes(rating);
  if (!below && areas.length > 0) throw invalid(`shortfallAreas go only with a rating below satisfactory, not ${rating}`, 'shortfallAreas');
  if (rating === 'shortfalls' && areas.length === 0) throw invalid('a rating of shortfalls must name at least one shortfall area', 'shortfallAreas');
  return areas;
};

export const evaluateUnit = ({ data, context }: EvaluateUnit, state: EvaluationState): [UnitEvaluated] => {
  if (state.status !== 'unknown') throw conflict(`evaluation ${data.evaluationId} was already recorded`);
  if (!(UNIT_KINDS as readonly string[]).includes(data.unitKind)) throw invalid(`unitKind must be one of ${UNIT_KINDS.join(', ')}`, 'unitKind');
  assertPeriod(data);
  const shortfallAreas = assertRating(data);
  assertNotInFuture(data.evaluatedAt, context.now, 'evaluatedAt');
  assertNotBefore(data.evaluatedAt, `${data.period.from}T00:00:00.000Z`, 'evaluatedAt', 'the start of the period evaluated');
  const { unitName, contingent } = data;
  return [
    {
      type: 'UnitEvaluated',
      occurredAt: data.evaluatedAt,
      data: {
        evaluationId: data.evaluationId,
        unitId: data.unitId,
        unitKind: data.unitKind,
        period: { from: data.period.from, to: data.period.to },
        evaluatedAt: data.evaluatedAt,
        rating: data.rating,
        shortfallAreas,
        ...(unitName !== undefined && { unitName }),
        ...(contingent !== undefined && { contingent }),
      },
    },
  ];
};
