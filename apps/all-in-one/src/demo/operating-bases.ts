import { baseStreamId } from '@poc/domain';
import { reportStep } from './buffalo-incidents';
import { draftIncident, type IncidentDraft } from './incident-sampling';
import { DIOUNGANI, OGOSSAGOU, labels, near, type Place } from './places';
import { plusHours, type Rng } from './prng';
import { step, type Presence, type Step } from './scenario-step';

type Tob = Readonly<{ place: Place; attackAt: string; fatalities: number; injured: number; setUpHours: number; closedAt: string }>;

/** The two attacks on villages the letter names, each answered by a TOB in under 48 hours (CONTEXT.md). */
const TOBS: readonly Tob[] = [
  { place: OGOSSAGOU, attackAt: '2020-02-14T04:30:00.000Z', fatalities: 31, injured: 5, setUpHours: 36, closedAt: '2020-03-09T10:00:00.000Z' },
  { place: DIOUNGANI, attackAt: '2020-04-04T05:15:00.000Z', fatalities: 12, injured: 4, setUpHours: 30, closedAt: '2020-04-26T09:00:00.000Z' },
];

export const operatingBases = (rng: Rng): { steps: Step[]; presences: Presence[]; triggers: IncidentDraft[] } => {
  const steps: Step[] = [];
  const presences: Presence[] = [];
  const triggers: IncidentDraft[] = [];
  for (const tob of TOBS) {
    const drafted = draftIncident(rng, tob.attackAt, tob.place, 'attack-on-civilians');
    // The attack that prompts a base is known at once and precisely: uniformed, on the day.
    const attack: IncidentDraft = {
      ...drafted,
      recordedAt: plusHours(tob.attackAt, rng.between(2, 5)),
      location: { ...near(rng, tob.place, 2), precision: 1, ...labels(tob.place) },
      fatalities: tob.fatalities,
      injured: tob.injured,
      targetsCivilians: true,
      source: 'uniformed',
      timePrecision: 1,
    };
    triggers.push(attack);
    steps.push(reportStep(attack, `Armed men attacked ${tob.place.place} at dawn; houses burnt`));
    const baseId = rng.uuid();
    const establishedAt = plusHours(tob.attackAt, tob.setUpHours);
    steps.push(
      step('base', baseStreamId(baseId), plusHours(establishedAt, 0.5), {
        type: 'EstablishBase',
        data: {
          baseId,
          establishedAt,
          location: { lat: tob.place.lat, lon: tob.place.lon, precision: 1, ...labels(tob.place) },
          triggerIncidentId: attack.incidentId,
          name: `TOB ${tob.place.place}`,
        },
      }),
      step('base', baseStreamId(baseId), plusHours(tob.closedAt, 1), { type: 'CloseBase', data: { baseId, closedAt: tob.closedAt } }),
    );
    presences.push({ lat: tob.place.lat, lon: tob.place.lon, from: establishedAt, to: tob.closedAt });
  }
  return { steps, presences, triggers };
};
