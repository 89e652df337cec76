import { baseStreamId } from '@poc/domain';
import { reportStep } from './buffalo-incidents';
import { draftIncident, type IncidentDraft } from './incident-sampling';
import { DOUNA_PEN, labels, near } from './places';
import { plusHours, type Rng } from './prng';
import { step, type Step } from './scenario-step';

const ATTACK_AT = '2020-01-09T05:00:00.000Z';
const MISSIONS = ['2020-01-14', '2020-01-18', '2020-01-23', '2020-01-29'];

/**
 * The letter: a TOB at Douna Pen in January "enabled four mediation missions in Koro cercle".
 * The attack near Douna Pen, the TOB 40 h later, its four mediation missions, its closing.
 */
export const dounaPenTob = (rng: Rng): Step[] => {
  const attack: IncidentDraft = {
    ...draftIncident(rng, ATTACK_AT, DOUNA_PEN, 'attack-on-civilians'),
    // Known that morning: the clock of "within 48 hours of being informed" starts then.
    recordedAt: plusHours(ATTACK_AT, 4),
    location: { ...near(rng, DOUNA_PEN, 2), precision: 1, ...labels(DOUNA_PEN) },
    targetsCivilians: true,
    source: 'uniformed',
    timePrecision: 1,
  };
  const baseId = rng.uuid();
  const establishedAt = plusHours(ATTACK_AT, 40);
  const stream = baseStreamId(baseId);
  return [
    reportStep(attack, 'Armed men attacked a hamlet near Douna Pen; herds driven off'),
    step('base', stream, plusHours(establishedAt, 0.5), {
      type: 'EstablishBase',
      data: { baseId, establishedAt, location: { lat: DOUNA_PEN.lat, lon: DOUNA_PEN.lon, precision: 1, ...labels(DOUNA_PEN) }, triggerIncidentId: attack.incidentId, name: 'TOB Douna Pen' },
    }),
    ...MISSIONS.map((day) => {
      const date = `${day}T15:00:00.000Z`;
      return step('base', stream, plusHours(date, 3), {
        type: 'RecordTobActivity',
        data: { baseId, kind: 'mediation-mission', date, cercle: 'Koro', note: 'Dogon and Fulani community leaders met under the TOB\'s protection' },
      });
    }),
    step('base', stream, '2020-02-03T10:00:00.000Z', { type: 'CloseBase', data: { baseId, closedAt: '2020-02-03T09:00:00.000Z' } }),
  ];
};
