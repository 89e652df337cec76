import type { ActorType, IncidentActor } from '@poc/domain';
import type { IncidentView } from '@poc/projections';

/**
 * ACLED's inter codes (1 state forces, 2 rebel groups, 3 political militias, 4 identity
 * militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces) for our actor
 * types; docs/analysts.md explains each choice.
 */
export const ACLED_INTER: Readonly<Record<ActorType, number>> = {
  'state-forces': 1,
  'armed-group': 2,
  'unidentified-armed-men': 3,
  'communal-militia': 4,
  civilians: 7,
  peacekeepers: 8,
};

/** The name ACLED gives an actor of that type when nobody named it (its own for 3 and 7). */
const UNNAMED: Readonly<Record<ActorType, string>> = {
  'state-forces': 'State forces (Mali)',
  'armed-group': 'Armed group (Mali)',
  'unidentified-armed-men': 'Unidentified Armed Group (Mali)',
  'communal-militia': 'Communal militia (Mali)',
  civilians: 'Civilians (Mali)',
  peacekeepers: 'United Nations peacekeepers',
};

export type AcledActors = Readonly<{ actor1: string; inter1: number | ''; actor2: string; inter2: number | ''; interaction: number | '' }>;

const nameOf = (actor: IncidentActor | undefined): string => (actor ? (actor.name ?? UNNAMED[actor.type]) : '');
const interOf = (actor: IncidentActor | undefined): number | '' => (actor ? ACLED_INTER[actor.type] : '');

/**
 * actor1 is the perpetrator, actor2 the target. ACLED's interaction is the two inter codes,
 * lower first (17: state forces against civilians), or the one code × 10 with a sole actor.
 */
export const acledActors = ({ perpetrator, target }: Pick<IncidentView, 'perpetrator' | 'target'>): AcledActors => {
  const codes = [interOf(perpetrator), interOf(target)].filter((c): c is number => c !== '').sort((a, b) => a - b);
  const interaction = codes.length === 2 ? codes[0]! * 10 + codes[1]! : codes.length === 1 ? codes[0]! * 10 : '';
  return { actor1: nameOf(perpetrator), inter1: interOf(perpetrator), actor2: nameOf(target), inter2: interOf(target), interaction };
};
