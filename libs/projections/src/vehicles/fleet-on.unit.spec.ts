import type { VehicleDamageCause } from '@poc/domain';
import { fleetOn, type Fleet } from './fleet-on';
import type { VehicleStatusOrWrittenOff, VehicleStatusPeriod, VehicleView } from './vehicles.projection';

type Step = [status: VehicleStatusOrWrittenOff, since: string, extra?: { cause?: VehicleDamageCause; recordedAt?: string }];

/** A vehicle's document as the projection leaves it: its periods in order, the last one current. */
const vehicle = (id: string, contingent: string, ...steps: Step[]): VehicleView => {
  const history: VehicleStatusPeriod[] = steps.map(([status, since, extra = {}]) => ({
    status,
    since,
    recordedAt: extra.recordedAt ?? since,
    ...(extra.cause && { cause: extra.cause }),
  }));
  const last = history[history.length - 1]!;
  return {
    vehicleId: id,
    registration: id,
    contingent,
    type: 'APC',
    registeredAt: history[0]!.since,
    status: last.status,
    statusSince: last.since,
    ...(last.cause && { cause: last.cause }),
    ...(last.status === 'written-off' && { writtenOffAt: last.since }),
    history,
  };
};

const given = (docs: readonly VehicleView[]) => ({
  when: (on: string, asOf?: string) => ({
    then: (expected: Partial<Fleet> | ((fleet: Fleet) => void)) => {
      const fleet = fleetOn(docs, on, asOf);
      if (typeof expected === 'function') expected(fleet);
      else expect(fleet).toMatchObject(expected);
    },
  }),
});

const counts = (fleet: Fleet) => Object.fromEntries(fleet.byStatus.map((s) => [s.status, s.count]));

const JAN = '2020-01-02T08:00:00.000Z';
const MARCH_10 = '2020-03-10T14:00:00.000Z';
const APRIL_1 = '2020-04-01T10:00:00.000Z';

// Two contingents: a Casspir hit by an IED on 10 March, one in maintenance, one written off on 1 April.
const fleet = [
  vehicle('BAN-1', 'BANBAT', ['in-use', JAN]),
  vehicle('BAN-2', 'BANBAT', ['in-use', JAN], ['unusable', MARCH_10, { cause: 'ied-damage', recordedAt: '2020-03-12T09:00:00.000Z' }]),
  vehicle('TOG-1', 'TOGOBAT', ['under-maintenance', JAN]),
  vehicle('TOG-2', 'TOGOBAT', ['in-use', JAN], ['written-off', APRIL_1]),
];

describe('fleetOn', () => {
  it('counts every registered vehicle by its status at the end of the day, shares of the total', () =>
    given(fleet)
      .when('2020-02-01')
      .then({
        on: '2020-02-01',
        asOf: null,
        total: 4,
        byStatus: [
          { status: 'in-use', count: 3, share: 0.75 },
          { status: 'under-maintenance', count: 1, share: 0.25 },
          { status: 'unusable', count: 0, share: 0 },
        ],
        writtenOff: 0,
      }));

  it('a change counts from its own day: the day before it the vehicle was still in use', () => {
    given(fleet).when('2020-03-09').then((f) => expect(counts(f)).toEqual({ 'in-use': 3, 'under-maintenance': 1, unusable: 0 }));
    given(fleet).when('2020-03-10').then((f) => expect(counts(f)).toEqual({ 'in-use': 2, 'under-maintenance': 1, unusable: 1 }));
  });

  it('unusable vehicles by cause, shares of the unusable', () =>
    given(fleet)
      .when('2020-03-15')
      .then((f) => {
        expect(f.byCause.find((c) => c.cause === 'ied-damage')).toEqual({ cause: 'ied-damage', count: 1, share: 1 });
        expect(f.byCause.filter((c) => c.cause !== 'ied-damage').every((c) => c.count === 0)).toBe(true);
      }));

  it('by contingent, each with its own total and shares', () =>
    given(fleet)
      .when('2020-03-15')
      .then((f) =>
        expect(f.byContingent).toEqual([
          {
            contingent: 'BANBAT',
            total: 2,
            byStatus: [
              { status: 'in-use', count: 1, share: 0.5 },
              { status: 'under-maintenance', count: 0, share: 0 },
              { status: 'unusable', count: 1, share: 0.5 },
            ],
          },
          {
            contingent: 'TOGOBAT',
            total: 2,
            byStatus: [
              { status: 'in-use', count: 1, share: 0.5 },
              { status: 'under-maintenance', count: 1, share: 0.5 },
              { status: 'unusable', count: 0, share: 0 },
            ],
          },
        ]),
      ));

  it('a written-off vehicle is out of the fleet from the day of its write-off', () => {
    given(fleet).when('2020-03-31').then({ total: 4, writtenOff: 0 });
    given(fleet).when('2020-04-01').then({ total: 3, writtenOff: 1 });
  });

  it('a vehicle registered after the day is not counted', () => given(fleet).when('2020-01-01').then({ total: 0, writtenOff: 0 }));

  it('as of a time: only what had been recorded by then (the IED damage was reported two days late)', () => {
    given(fleet).when('2020-03-10', '2020-03-11T00:00:00.000Z').then((f) => expect(counts(f)).toEqual({ 'in-use': 3, 'under-maintenance': 1, unusable: 0 }));
    given(fleet).when('2020-03-10', '2020-03-12T09:00:00.000Z').then((f) => expect(counts(f).unusable).toBe(1));
  });

  it('an empty fleet has no shares', () =>
    given([])
      .when('2020-03-10')
      .then((f) => {
        expect(f.total).toBe(0);
        expect(f.byStatus.map((s) => s.share)).toEqual([null, null, null]);
        expect(f.byCause.every((c) => c.share === null)).toBe(true);
        expect(f.byContingent).toEqual([]);
      }));

  it("the letter's line: 550 in all, 479 (87%) in daily use, 30 (5.5%) under maintenance, 41 (7.5%) unusable", () => {
    const docs = [
      ...Array.from({ length: 479 }, (_, i) => vehicle(`U-${i}`, i % 2 ? 'BANBAT' : 'TOGOBAT', ['in-use', JAN])),
      ...Array.from({ length: 30 }, (_, i) => vehicle(`M-${i}`, 'BANBAT', ['in-use', JAN], ['under-maintenance', MARCH_10])),
      ...Array.from({ length: 25 }, (_, i) => vehicle(`I-${i}`, 'TOGOBAT', ['in-use', JAN], ['unusable', MARCH_10, { cause: 'ied-damage' }])),
      ...Array.from({ length: 16 }, (_, i) => vehicle(`D-${i}`, 'BANBAT', ['unusable', JAN, { cause: 'damage-beyond-repair' }])),
      ...Array.from({ length: 7 }, (_, i) => vehicle(`W-${i}`, 'BANBAT', ['in-use', JAN], ['written-off', MARCH_10])),
    ];
    given(docs)
      .when('2020-05-20')
      .then((f) => {
        expect(f.total).toBe(550);
        expect(f.writtenOff).toBe(7);
        const percent = (status: string, places: number) => Number((f.byStatus.find((s) => s.status === status)!.share! * 100).toFixed(places));
        expect(counts(f)).toEqual({ 'in-use': 479, 'under-maintenance': 30, unusable: 41 });
        expect([percent('in-use', 0), percent('under-maintenance', 1), percent('unusable', 1)]).toEqual([87, 5.5, 7.5]);
        expect(f.byCause.filter((c) => c.count > 0).map((c) => [c.cause, c.count])).toEqual([
          ['ied-damage', 25],
          ['damage-beyond-repair', 16],
        ]);
      });
  });
});
