import { GAZETTEER } from './gazetteer';
import { foldText, searchPlaces } from './place-search';

const names = (query: string, limit = 50) => searchPlaces(query, limit).map((e) => `${e.kind}:${e.name}`);

describe('the gazetteer', () => {
  it('keeps DOMAIN.md coordinates, with precision from its confidence', () => {
    const ogossagou = GAZETTEER.find((e) => e.name === 'Ogossagou');
    expect(ogossagou).toEqual({ name: 'Ogossagou', kind: 'place', lat: 14.15, lon: -3.62, precision: 2, cercle: 'Bankass', region: 'Mopti' });
    expect(GAZETTEER.find((e) => e.name === 'Bandiagara' && e.kind === 'place')).toMatchObject({ lat: 14.3501, lon: -3.6104, precision: 1 });
    expect(GAZETTEER.find((e) => e.name === 'Bamako' && e.kind === 'place')).toEqual({ name: 'Bamako', kind: 'place', lat: 12.6392, lon: -8.0029, precision: 1, region: 'Bamako' });
  });

  it('has each cercle at its seat (precision 2) and each region at its seat (precision 3)', () => {
    expect(GAZETTEER.find((e) => e.kind === 'cercle' && e.name === 'Tombouctou')).toEqual({
      name: 'Tombouctou', kind: 'cercle', lat: 16.7735, lon: -3.0074, precision: 2, cercle: 'Tombouctou', region: 'Tombouctou',
    });
    expect(GAZETTEER.find((e) => e.kind === 'region' && e.name === 'Ségou')).toEqual({ name: 'Ségou', kind: 'region', lat: 13.4317, lon: -6.2157, precision: 3, region: 'Ségou' });
    expect(GAZETTEER.filter((e) => e.kind === 'cercle')).toHaveLength(13);
    expect(GAZETTEER.filter((e) => e.kind === 'region').map((e) => e.name).sort()).toEqual(
      ['Bamako', 'Gao', 'Kayes', 'Kidal', 'Koulikoro', 'Ménaka', 'Mopti', 'Sikasso', 'Ségou', 'Tombouctou'].sort(),
    );
  });

  it('names no entry twice for the same kind', () => {
    const keys = GAZETTEER.map((e) => `${e.kind}:${e.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('searchPlaces', () => {
  it('ignores case and accents', () => {
    expect(foldText('  Ménaka ')).toBe('menaka');
    expect(names('Segou')).toEqual(['place:Ségou', 'region:Ségou']);
    expect(names('menaka')).toEqual(['place:Ménaka', 'cercle:Ménaka', 'region:Ménaka']);
    expect(names('DJENNÉ')).toEqual(['place:Djenné', 'cercle:Djenné', 'place:Femaye']);
  });

  it('puts name prefixes first, then cercle and region matches, each alphabetically', () => {
    // "Koro" starts no other name; Dioungani, Douna Pen and Gourty are in Koro cercle; Koulikoro ends with it.
    expect(names('koro')).toEqual(['place:Koro', 'cercle:Koro', 'place:Dioungani', 'place:Douna Pen', 'place:Gourty', 'place:Koulikoro', 'region:Koulikoro']);
    // "ban": Bandiagara and Bankass by name, Bankass cercle's villages after them.
    expect(names('ban')).toEqual(['place:Bandiagara', 'cercle:Bandiagara', 'place:Bankass', 'cercle:Bankass', 'place:Ogossagou']);
  });

  it('finds inside a name too, after the prefixes', () => {
    expect(names('pen')).toEqual(['place:Douna Pen']);
    expect(names('tim')).toEqual(['place:Timbuktu']);
  });

  it('finds towns by their region', () => {
    const tombouctou = names('tombouctou');
    expect(tombouctou.slice(0, 2)).toEqual(['cercle:Tombouctou', 'region:Tombouctou']);
    expect(tombouctou).toEqual(expect.arrayContaining(['place:Timbuktu', 'place:Goundam', 'place:Niafunké', 'place:Tonka', 'cercle:Goundam']));
  });

  it('returns at most limit entries, and none for an unknown name', () => {
    expect(searchPlaces('o', 3)).toHaveLength(3);
    expect(names('o', 3)).toEqual(names('o').slice(0, 3));
    expect(names('xyz')).toEqual([]);
  });
});
