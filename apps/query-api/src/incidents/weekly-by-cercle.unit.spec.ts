import { weeklyByCercle, weeklyWindows } from './weekly-by-cercle';

describe('weeklyByCercle', () => {
  const windows = weeklyWindows('2020-03-31');

  it('puts the week at asOf−6…asOf and the four before at asOf−34…asOf−7', () => {
    expect(windows).toEqual({ asOf: '2020-03-31', weekFrom: '2020-03-25', weekTo: '2020-03-31', beforeFrom: '2020-02-26', beforeTo: '2020-03-24' });
    // Across a leap day and a year end
    expect(weeklyWindows('2020-03-05')).toMatchObject({ weekFrom: '2020-02-28', beforeTo: '2020-02-27' });
    expect(weeklyWindows('2021-01-03')).toMatchObject({ weekFrom: '2020-12-28', beforeFrom: '2020-11-30', beforeTo: '2020-12-27' });
  });

  it('counts each day once in its window, edges included, and nothing outside', () => {
    const result = weeklyByCercle(windows, [
      { day: '2020-03-31', cercle: 'Koro', region: 'Mopti', count: 2 },
      { day: '2020-03-25', cercle: 'Koro', region: 'Mopti', count: 1 },
      { day: '2020-03-24', cercle: 'Koro', region: 'Mopti', count: 4 },
      { day: '2020-02-26', cercle: 'Koro', region: 'Mopti', count: 3 },
      { day: '2020-02-25', cercle: 'Koro', region: 'Mopti', count: 100 },
      { day: '2020-04-01', cercle: 'Koro', region: 'Mopti', count: 100 },
      { day: '2020-03-10', cercle: 'Bankass', region: 'Mopti', count: 5 },
      { day: '2020-03-28', cercle: 'Gao', region: 'Gao', count: 3 },
      { day: '2020-03-28', cercle: null, region: 'Mopti', count: 9 },
      { day: '2020-02-01', cercle: 'Kidal', region: 'Kidal', count: 7 },
    ]);
    expect(result.cercles).toEqual([
      { cercle: 'Gao', region: 'Gao', thisWeek: 3, fourWeeksBefore: 0, weeklyAverageBefore: 0 },
      { cercle: 'Koro', region: 'Mopti', thisWeek: 3, fourWeeksBefore: 7, weeklyAverageBefore: 1.75 },
      { cercle: 'Bankass', region: 'Mopti', thisWeek: 0, fourWeeksBefore: 5, weeklyAverageBefore: 1.25 },
    ]);
  });

  it('names a cercle once, with the region most of its reports give', () => {
    const result = weeklyByCercle(windows, [
      { day: '2020-03-30', cercle: 'Koro', region: 'Mopti', count: 2 },
      { day: '2020-03-29', cercle: 'Koro', region: null, count: 1 },
      { day: '2020-03-01', cercle: 'Koro', region: 'Ségou', count: 1 },
    ]);
    expect(result.cercles).toEqual([{ cercle: 'Koro', region: 'Mopti', thisWeek: 3, fourWeeksBefore: 1, weeklyAverageBefore: 0.25 }]);
  });
});
