import { buffaloIncidents } from './buffalo-incidents';
import { buffaloPatrols } from './buffalo-patrols';
import { hotlineAlerts } from './hotline-alerts';
import { operatingBases } from './operating-bases';
import { createRng } from './prng';
import type { Step } from './scenario-step';
import { sikaIeds } from './sika-ieds';

export type { Step } from './scenario-step';

/** The seed `npm run demo` uses; any other gives another, equally plausible, history. */
export const DEMO_SEED = 20200601;

/**
 * Three months around Operation Buffalo (2020-02-01..2020-04-30), as the operations centre
 * would have entered them, in the order the server took them. Pure: the same seed gives the
 * same steps, ids included.
 */
export const buffaloScenario = (seed: number = DEMO_SEED): Step[] => {
  const rng = createRng(seed);
  const patrols = buffaloPatrols(rng);
  const alerts = hotlineAlerts(rng);
  const bases = operatingBases(rng);
  // Incidents come last: where and when they happen depends on where peacekeepers were.
  const incidents = buffaloIncidents(rng, [...patrols.presences, ...alerts.presences, ...bases.presences]);
  const steps = [...patrols.steps, ...alerts.steps, ...bases.steps, ...sikaIeds(rng), ...incidents.steps];
  // Stable sort: steps of one stream that share a time keep the order they were made in.
  return steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
};
