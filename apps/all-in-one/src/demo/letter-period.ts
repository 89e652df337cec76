import { armouredFleet } from './armoured-fleet';
import { buffaloScenario, DEMO_SEED } from './buffalo-scenario';
import { dounaPenTob } from './douna-pen-tob';
import { flightProgramme } from './flight-programme';
import { justiceSupport } from './justice-support';
import { createRng } from './prng';
import { unitEvaluations } from './unit-evaluations';
import type { Step } from './scenario-step';

/** The letter's period: 1 January to 20 May 2020 (its figures are "to 20 May"). */
export const LETTER_PERIOD = { from: '2020-01-01', to: '2020-05-20' } as const;

/**
 * What `npm run demo` records: Operation Buffalo's three months, and around them the
 * readiness records of the letter's period, so that GET /reports/period for it gives the
 * letter's figures (checked by letter-period.int.spec.ts). Pure, like buffaloScenario.
 */
export const letterPeriodScenario = (seed: number = DEMO_SEED): Step[] => {
  const rng = createRng(seed + 1);
  const readiness = [...armouredFleet(rng), ...justiceSupport(rng), ...dounaPenTob(rng), ...unitEvaluations(rng), ...flightProgramme(rng)];
  // Stable sort: the operations first, then the records, at any shared time.
  return [...buffaloScenario(seed), ...readiness].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
};
