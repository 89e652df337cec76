import { addDays, incidentStreamId, type CorrectIncident } from '@poc/domain';
import { sampleIncidents, type IncidentDraft } from './incident-sampling';
import { plusHours, type Rng } from './prng';
import { SCENARIO_DAYS, step, type Presence, type Step } from './scenario-step';

const INCIDENT_COUNT = 300;
const CORRECTION_COUNT = 6;
const RETRACTION_REASONS = [
  'Duplicate of an earlier report of the same attack',
  'Not confirmed: the patrol sent to check found no trace of it',
];

export const reportStep = (d: IncidentDraft, description?: string): Step =>
  step('incident', incidentStreamId(d.incidentId), d.recordedAt, {
    type: 'ReportIncident',
    data: {
      incidentId: d.incidentId,
      occurredAt: d.occurredAt,
      location: d.location,
      kind: d.kind,
      fatalities: d.fatalities,
      injured: d.injured,
      targetsCivilians: d.targetsCivilians,
      source: d.source,
      timePrecision: d.timePrecision,
      ...(description !== undefined && { description }),
    },
  });

type Correction = Omit<CorrectIncident['data'], 'incidentId'>;

/** The usual second reports: the toll rises as bodies are found, a clash turns out to be a massacre, a date was wrong. */
const correctionOf = (rng: Rng, d: IncidentDraft, i: number): Correction => {
  if (i % 3 === 1 && d.kind === 'clash') return { kind: 'attack-on-civilians', targetsCivilians: true };
  if (i % 3 === 2) return { occurredAt: plusHours(d.occurredAt, -24) };
  return { fatalities: d.fatalities + rng.int(1, 4), injured: d.injured + rng.int(0, 3) };
};

/**
 * About three hundred incidents across Koro, Bankass and Bandiagara cercles, thinned near
 * the presences given; a handful later corrected, two retracted.
 */
export const buffaloIncidents = (rng: Rng, presences: readonly Presence[]): { steps: Step[]; drafts: IncidentDraft[] } => {
  const drafts = sampleIncidents(rng, INCIDENT_COUNT, SCENARIO_DAYS.from, addDays(SCENARIO_DAYS.to, 1), presences);
  const steps = drafts.map((d) => reportStep(d));
  // Distinct incidents for each revision: a retracted one can no longer be corrected.
  const chosen = new Set<number>();
  while (chosen.size < CORRECTION_COUNT + RETRACTION_REASONS.length) chosen.add(rng.int(0, drafts.length - 1));
  const [corrected, retracted] = [[...chosen].slice(0, CORRECTION_COUNT), [...chosen].slice(CORRECTION_COUNT)];
  corrected.forEach((index, i) => {
    const d = drafts[index]!;
    steps.push(
      step('incident', incidentStreamId(d.incidentId), plusHours(d.recordedAt, rng.between(24, 120)), {
        type: 'CorrectIncident',
        data: { incidentId: d.incidentId, ...correctionOf(rng, d, i) },
      }),
    );
  });
  retracted.forEach((index, i) => {
    const d = drafts[index]!;
    steps.push(
      step('incident', incidentStreamId(d.incidentId), plusHours(d.recordedAt, rng.between(48, 144)), {
        type: 'RetractIncident',
        data: { incidentId: d.incidentId, reason: RETRACTION_REASONS[i]! },
      }),
    );
  });
  return { steps, drafts };
};
