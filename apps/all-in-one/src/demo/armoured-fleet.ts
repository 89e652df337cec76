import { vehicleIdOf, vehicleStreamId, type VehicleDamageCause } from '@poc/domain';
import { at, plusHours, type Rng } from './prng';
import { step, type Step } from './scenario-step';

/** The letter's fleet on 20 May 2020 (CONTEXT.md): 550 in all, 479 in daily use, 30 under maintenance, 41 unusable. */
const LETTER_FLEET = { on: '2020-05-20', total: 550, inUse: 479, underMaintenance: 30, unusable: 41 } as const;

/** Contingents and how many armoured vehicles each brought (550 in all). */
const CONTINGENTS: readonly (readonly [string, string, number])[] = [
  ['Chad', 'TD', 130],
  ['Bangladesh', 'BD', 110],
  ['Egypt', 'EG', 90],
  ['Togo', 'TG', 80],
  ['Senegal', 'SN', 70],
  ['Niger', 'NE', 70],
];
const TYPES = ['APC', 'APC', 'APC', 'MRAP', 'MRAP', 'armoured ambulance'];
/** "IED or other damage the mission cannot repair". */
const UNUSABLE_CAUSES: readonly (readonly [VehicleDamageCause, number])[] = [['ied-damage', 24], ['damage-beyond-repair', 17]];

const dayOf = (rng: Rng, from: string, to: string): string =>
  new Date(Date.parse(from) + rng.int(0, (Date.parse(to) - Date.parse(from)) / 86_400_000) * 86_400_000).toISOString().slice(0, 10);

/**
 * The register taken from the inventory on 2 January, then five months of status changes:
 * 41 vehicles put out of use (IED strikes, damage beyond repair), 60 that went to the
 * workshop and came back, and the 30 in it on 20 May. Deterministic for a seed.
 */
export const armouredFleet = (rng: Rng): Step[] => {
  const registrations = CONTINGENTS.flatMap(([contingent, code, n]) =>
    Array.from({ length: n }, (_, i) => ({ contingent, registration: `UN-${code}-${String(i + 1).padStart(3, '0')}`, type: rng.pick(TYPES) })));
  const steps: Step[] = registrations.map((v) =>
    step('vehicle', vehicleStreamId(v.registration), at('2020-01-02', 9), {
      type: 'RegisterVehicle',
      data: { registration: v.registration, contingent: v.contingent, type: v.type, registeredAt: at('2020-01-02', 8) },
    }));
  // Which vehicle meets which fate: a seeded shuffle, so contingents share the losses.
  const order = registrations.map((v) => ({ v, key: rng.next() })).sort((a, b) => a.key - b.key).map((x) => x.v);
  const change = (registration: string, when: string, status: 'in-use' | 'under-maintenance' | 'unusable', cause?: VehicleDamageCause): Step =>
    step('vehicle', vehicleStreamId(registration), plusHours(when, 2), {
      type: 'ChangeVehicleStatus',
      data: { vehicleId: vehicleIdOf(registration), status, at: when, ...(cause && { cause }) },
    });
  let next = 0;
  for (const [cause, n] of UNUSABLE_CAUSES) {
    for (let i = 0; i < n; i++) steps.push(change(order[next++]!.registration, at(dayOf(rng, '2020-01-10', '2020-05-15'), rng.int(7, 17)), 'unusable', cause));
  }
  for (let i = 0; i < LETTER_FLEET.underMaintenance; i++) {
    steps.push(change(order[next++]!.registration, at(dayOf(rng, '2020-05-01', '2020-05-19'), rng.int(7, 17)), 'under-maintenance'));
  }
  for (let i = 0; i < 60; i++) {
    const registration = order[next++]!.registration;
    const into = dayOf(rng, '2020-01-10', '2020-04-10');
    steps.push(change(registration, at(into, 8), 'under-maintenance'));
    steps.push(change(registration, at(new Date(Date.parse(into) + rng.int(3, 20) * 86_400_000).toISOString().slice(0, 10), 16), 'in-use'));
  }
  return steps;
};
