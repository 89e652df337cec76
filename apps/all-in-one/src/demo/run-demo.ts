import { join, resolve } from 'node:path';
import { addDays, type CompletePatrol } from '@poc/domain';
import type { EventStore } from '@poc/event-store';
import { DEMO_SEED } from './buffalo-scenario';
import { LETTER_PERIOD, letterPeriodScenario } from './letter-period';
import { SCENARIO_DAYS, type Step } from './scenario-step';
import { seedScenario } from './seed';
import { type AppConfig } from '@poc/platform/config';

const CATCH_UP_TIMEOUT_MS = 30_000;
const POLL_MS = 250;
/** DOMAIN.md: a presence is compared with the 28 days before it. */
const BASELINE_DAYS = 28;

type Health = { details?: { projections?: { lag?: number } } };

/** The read models follow the store asynchronously; a guide printed before they caught up would show empty answers. */
const waitForProjections = async (url: string): Promise<boolean> => {
  const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const health = (await (await fetch(`${url}/health`)).json()) as Health;
      if (health.details?.projections?.lag === 0) return true;
    } catch {
      // Not answering yet is the same as not caught up: keep polling until the deadline.
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  return false;
};

const firstStream = (steps: readonly Step[], commandType: string): string | undefined =>
  steps.find((s) => s.command.type === commandType)?.streamId;

/**
 * The first patrol whose 28-day baseline lies wholly inside the scenario: an earlier one
 * would compare its aftermath with days the demo holds no incidents for.
 */
const patrolWithBaseline = (steps: readonly Step[]): string | undefined => {
  const fullBaselineFrom = addDays(SCENARIO_DAYS.from, BASELINE_DAYS);
  const completed = steps.filter((s) => s.decider === 'patrol' && s.command.type === 'CompletePatrol');
  const found = completed.find((s) => (s.command.data as CompletePatrol['data']).stops?.every((stop) => stop.arrivedAt >= fullBaselineFrom));
  return (found ?? completed[0])?.streamId.replace(/^patrol-/, '');
};

const keyHint = (config: AppConfig): string => {
  if (config.API_KEYS) return 'KEY=<an analyst key from API_KEYS>';
  const file = resolve(join(config.DATA_DIR, 'api-keys.env'));
  return `KEY=$(grep -o 'analyst:[^,]*' ${file} | cut -d: -f2)   # keys per role are in ${file}`;
};

/** The demo's guide: which questions to ask of the data it just loaded, ready to paste. */
export const demoGuide = (url: string, config: AppConfig, steps: readonly Step[]): string => {
  const patrol = patrolWithBaseline(steps);
  // A corrected incident shows what a stream is for: the first report and what changed since.
  const incident = firstStream(steps, 'CorrectIncident') ?? firstStream(steps, 'ReportIncident');
  const get = (path: string): string => `  curl -s -H "Authorization: Bearer $KEY" '${url}${path}'`;
  return [
    '',
    'Demo: Operation Buffalo, February–April 2020 (central Mali), and Operation Sika convoys on the Gao–Labbezanga axis.',
    '',
    `Console: ${url}/ (paste a key from the file below; the map shows Buffalo's patrols, incidents and alerts)`,
    '',
    keyHint(config),
    get('/alerts'),
    get('/incidents/daily?from=2020-03-01&to=2020-03-31&cercle=Bankass'),
    get('/patrols?operation=Buffalo'),
    ...(patrol ? [get(`/patrols/${patrol}/deterrence`)] : []),
    ...(incident ? [get(`/streams/${incident}`)] : []),
    '',
    get(`/reports/period?from=${LETTER_PERIOD.from}&to=${LETTER_PERIOD.to}`),
    '',
    `OpenAPI: ${url}/docs`,
    '',
  ].join('\n');
};

export const runDemo = async (url: string, config: AppConfig, store: EventStore): Promise<void> => {
  const steps = letterPeriodScenario(DEMO_SEED);
  const result = await seedScenario(store, steps);
  if (result.seeded) {
    console.log(`Demo data loaded: ${result.commands} commands, ${result.events} events (position ${result.lastPosition}).`);
  } else {
    console.log(`The store already holds events (position ${result.lastPosition}): demo data not loaded again.`);
  }
  if (!(await waitForProjections(url))) {
    console.log(`The read models have not caught up after ${CATCH_UP_TIMEOUT_MS / 1000} s; answers may be incomplete for a while.`);
  }
  console.log(demoGuide(url, config, steps));
};
