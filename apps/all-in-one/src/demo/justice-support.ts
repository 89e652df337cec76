import { judicialCaseStreamId, returnStreamId, supplyDeliveryStreamId, type JudicialCaseCategory } from '@poc/domain';
import { at, plusHours, type Rng } from './prng';
import { step, type Step } from './scenario-step';

/** The letter's figures to 20 May 2020 (CONTEXT.md). */
const LETTER_JUSTICE = {
  on: '2020-05-20',
  underInvestigation: 618,
  terrorism: 319,
  organisedCrime: 77,
  detainedForCrimesAgainstPeacekeepers: 13,
  convicted: 0,
  returnedToFemaye: 3120,
  courtsSupplied: 21,
  prisonsSupplied: 34,
} as const;

const dayBetween = (rng: Rng, from: string, to: string): string =>
  new Date(Date.parse(from) + rng.int(0, (Date.parse(to) - Date.parse(from)) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);

/**
 * The specialised judicial unit's register: the 618 cases under investigation on 20 May
 * (319 terrorism, 77 transnational organised crime, the rest other), entered as the unit
 * took them up from January, and 24 older cases already referred to trial, none judged yet;
 * 13 people detained for crimes against peacekeepers on 9 of the cases. Counts and case
 * references only: the records hold no names.
 */
const judicialCases = (rng: Rng): Step[] => {
  const categories: JudicialCaseCategory[] = [
    ...Array<JudicialCaseCategory>(LETTER_JUSTICE.terrorism).fill('terrorism'),
    ...Array<JudicialCaseCategory>(LETTER_JUSTICE.organisedCrime).fill('transnational-organised-crime'),
    ...Array<JudicialCaseCategory>(LETTER_JUSTICE.underInvestigation - LETTER_JUSTICE.terrorism - LETTER_JUSTICE.organisedCrime).fill('other'),
  ];
  const steps: Step[] = categories.map((category, i) => {
    const caseRef = `PJS-2020-${String(i + 1).padStart(4, '0')}`;
    const openedAt = at(dayBetween(rng, '2020-01-06', '2020-05-15'), rng.int(8, 16));
    return step('judicialCase', judicialCaseStreamId(caseRef), plusHours(openedAt, 1), { type: 'OpenJudicialCase', data: { caseRef, category, openedAt } });
  });
  for (let i = 0; i < 24; i++) {
    const caseRef = `PJS-2019-${String(i + 1).padStart(4, '0')}`;
    const openedAt = at('2020-01-03', 9);
    steps.push(step('judicialCase', judicialCaseStreamId(caseRef), plusHours(openedAt, 1), {
      type: 'OpenJudicialCase',
      data: { caseRef, category: rng.pick(['terrorism', 'other'] as const), openedAt, status: 'referred-to-trial', statusAt: openedAt },
    }));
  }
  // 13 people on 9 cases (some arrests took two or three), recorded in the week before 20 May.
  const detained = [2, 1, 1, 3, 1, 1, 2, 1, 1];
  detained.forEach((people, i) => {
    const caseRef = `PJS-2020-${String(i * 7 + 1).padStart(4, '0')}`;
    const when = at(dayBetween(rng, '2020-05-16', '2020-05-19'), 10);
    steps.push(step('judicialCase', judicialCaseStreamId(caseRef), plusHours(when, 2), { type: 'RecordDetentions', data: { caseRef, people, at: when, crimesAgainstPeacekeepers: true } }));
  });
  return steps;
};

/** 3,120 displaced people helped back to Femaye (Djenné cercle) in five convoys of returns. */
const femayeReturns = (rng: Rng): Step[] => {
  const groups = [640, 710, 580, 655, 535];
  return groups.map((people, i) => {
    const returnedAt = at(['2020-02-11', '2020-02-25', '2020-03-17', '2020-04-07', '2020-04-28'][i]!, 14);
    const returnId = rng.uuid();
    return step('return', returnStreamId(returnId), plusHours(returnedAt, 4), {
      type: 'RecordReturn',
      data: { returnId, commune: 'Femaye', cercle: 'Djenné', region: 'Mopti', people, returnedAt },
    });
  });
};

const JUSTICE_PLACES = ['Bamako', 'Mopti', 'Ségou', 'Gao', 'Tombouctou', 'Kidal', 'Ménaka', 'Djenné', 'Bandiagara', 'Koro', 'Bankass', 'Ansongo', 'Goundam', 'Niafunké', 'Ténenkou', 'Douentza', 'Youwarou', 'Bourem', 'Diré', 'Kayes', 'Sikasso', 'Koutiala', 'San', 'Macina', 'Tessalit', 'Bafoulabé', 'Kita', 'Nioro', 'Kolokani', 'Koulikoro', 'Dioïla', 'Bougouni', 'Kati', 'Gourma-Rharous'];

/** Supplies to 21 courts and 34 prisons; some institutions were supplied twice. */
const justiceSupplies = (rng: Rng): Step[] => {
  const institutions = [
    ...JUSTICE_PLACES.slice(0, LETTER_JUSTICE.courtsSupplied).map((p) => ({ kind: 'court' as const, name: `Tribunal de ${p}` })),
    ...JUSTICE_PLACES.slice(0, LETTER_JUSTICE.prisonsSupplied).map((p) => ({ kind: 'prison' as const, name: `Maison d'arrêt de ${p}` })),
  ];
  const again = institutions.filter(() => rng.chance(0.2));
  return [...institutions, ...again].map((inst) => {
    const deliveredAt = at(dayBetween(rng, '2020-01-15', '2020-05-18'), 11);
    const deliveryId = rng.uuid();
    return step('supplyDelivery', supplyDeliveryStreamId(deliveryId), plusHours(deliveredAt, 3), {
      type: 'RecordSupplyDelivery',
      data: { deliveryId, institutionKind: inst.kind, institution: inst.name, deliveredAt, supplies: inst.kind === 'court' ? 'office equipment and case files' : 'food, hygiene kits and bedding' },
    });
  });
};

export const justiceSupport = (rng: Rng): Step[] => [...judicialCases(rng), ...femayeReturns(rng), ...justiceSupplies(rng)];
