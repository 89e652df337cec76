import { invalid } from '../shared/domain-error';
import { SHORTFALL_AREAS, type ShortfallArea } from './evaluation.events';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day that exists (2020-02-30 does not). */
export const assertDay = (day: string, field: string): void => {
  if (!DAY.test(day) || new Date(`${day}T00:00:00.000Z`).toISOString().slice(0, 10) !== day) {
    throw invalid(`${field} must be a day such as 2020-01-01`, field);
  }
};

/** Known areas, each once. */
export const assertAreas = (areas: readonly string[], field: string): readonly ShortfallArea[] => {
  for (const area of areas) {
    if (!(SHORTFALL_AREAS as readonly string[]).includes(area)) throw invalid(`${field}: unknown shortfall area ${area}`, field);
  }
  if (new Set(areas).size !== areas.length) throw invalid(`${field} names an area twice`, field);
  return areas as readonly ShortfallArea[];
};

export const assertText = (text: string, field: string): void => {
  if (text.trim() === '') throw invalid(`${field} must not be empty`, field);
};

const QUARTER_STARTS = ['01-01', '04-01', '07-01', '10-01'];
const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

/** FPUs are evaluated quarterly: their period is one calendar quarter, exactly. */
export const isCalendarQuarter = (from: string, to: string): boolean => {
  const quarter = QUARTER_STARTS.indexOf(from.slice(5));
  return quarter >= 0 && from.slice(0, 4) === to.slice(0, 4) && QUARTER_ENDS[quarter] === to.slice(5);
};
