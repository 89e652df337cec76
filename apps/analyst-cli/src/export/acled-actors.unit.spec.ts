import { ACTOR_TYPES } from '@poc/domain';
import { ACLED_INTER, acledActors } from './acled-actors';

describe('ACLED actor columns', () => {
  it('maps every actor type to an inter code', () => expect(ACTOR_TYPES.map((t) => ACLED_INTER[t])).toEqual([1, 2, 4, 3, 7, 8]));

  it('a named perpetrator and an unnamed target: actor1/actor2, their codes, the interaction lower code first', () =>
    expect(acledActors({ perpetrator: { name: 'Dan Na Ambassagou', type: 'communal-militia' }, target: { type: 'civilians' } })).toEqual({
      actor1: 'Dan Na Ambassagou',
      inter1: 4,
      actor2: 'Civilians (Mali)',
      inter2: 7,
      interaction: 47,
    }));

  it('orders the interaction whichever side is lower', () =>
    expect(acledActors({ perpetrator: { type: 'unidentified-armed-men' }, target: { type: 'state-forces' } }).interaction).toBe(13));

  it('a sole actor: its code × 10; none: empty columns', () => {
    expect(acledActors({ perpetrator: { type: 'armed-group' } })).toEqual({ actor1: 'Armed group (Mali)', inter1: 2, actor2: '', inter2: '', interaction: 20 });
    expect(acledActors({})).toEqual({ actor1: '', inter1: '', actor2: '', inter2: '', interaction: '' });
  });
});
