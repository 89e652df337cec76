import type { ReturnView } from './returns.projection';
import { returnsByCommune } from './returns-by-commune';

let n = 0;
const aReturn = (commune: string, cercle: string, people: number, returnedAt: string, recordedAt = returnedAt): ReturnView => ({
  returnId: `r${++n}`,
  commune,
  cercle,
  region: 'Mopti',
  people,
  returnedAt,
  recordedAt,
});

describe('returnsByCommune', () => {
  // Given: Femaye's returns in three convoys (the letter's 3,120), one to Malimana, one in June.
  const returns = [
    aReturn('Femaye', 'Djenné', 1200, '2020-03-02T08:00:00.000Z'),
    aReturn('Malimana', 'Ténenkou', 150, '2020-03-20T08:00:00.000Z'),
    aReturn('Femaye', 'Djenné', 1020, '2020-04-10T08:00:00.000Z'),
    aReturn('Femaye', 'Djenné', 900, '2020-05-18T08:00:00.000Z', '2020-05-25T08:00:00.000Z'),
    aReturn('Femaye', 'Djenné', 400, '2020-06-03T08:00:00.000Z'),
  ];

  it('per commune in the range: people added up, most first', () =>
    // When: January to 20 May. Then:
    expect(returnsByCommune(returns, { from: '2020-01-01T00:00:00.000Z', to: '2020-05-20T23:59:59.999Z' })).toEqual({
      from: '2020-01-01T00:00:00.000Z',
      to: '2020-05-20T23:59:59.999Z',
      people: 3270,
      returns: 4,
      communes: [
        { region: 'Mopti', cercle: 'Djenné', commune: 'Femaye', people: 3120, returns: 3, firstReturnedAt: '2020-03-02T08:00:00.000Z', lastReturnedAt: '2020-05-18T08:00:00.000Z' },
        { region: 'Mopti', cercle: 'Ténenkou', commune: 'Malimana', people: 150, returns: 1, firstReturnedAt: '2020-03-20T08:00:00.000Z', lastReturnedAt: '2020-03-20T08:00:00.000Z' },
      ],
    }));

  it('as of a time: a return recorded later is not counted yet', () =>
    expect(returnsByCommune(returns, { to: '2020-05-20T23:59:59.999Z', asOf: '2020-05-21T00:00:00.000Z' }).communes[0]).toMatchObject({ commune: 'Femaye', people: 2220 }));

  it('communes of the same name in different cercles stay apart', () => {
    const report = returnsByCommune([aReturn('Kona', 'Mopti', 10, '2020-03-01T00:00:00.000Z'), aReturn('Kona', 'Bandiagara', 20, '2020-03-01T00:00:00.000Z')]);
    expect(report.communes.map((c) => [c.cercle, c.people])).toEqual([['Bandiagara', 20], ['Mopti', 10]]);
  });

  it('no range: everything; nothing recorded: an empty report', () => {
    expect(returnsByCommune(returns).people).toBe(3670);
    expect(returnsByCommune([])).toEqual({ from: null, to: null, people: 0, returns: 0, communes: [] });
  });
});
