import { distanceKm, iedStreamId, type IedStatus } from '@poc/domain';
import { ANSONGO, GAO, LABBEZANGA, labels, round, type Place } from './places';
import { at, plusHours, type Rng } from './prng';
import { step, type Step } from './scenario-step';

/** Operation Sika's road: Gao to Ansongo, then on to Labbezanga near the Niger border. */
const AXIS: readonly Place[] = [GAO, ANSONGO, LABBEZANGA];

/** A point a fraction `t` of the way along the axis, named after the nearest town on it. */
const onAxis = (t: number): { lat: number; lon: number; place: Place } => {
  const leg = t < 0.5 ? 0 : 1;
  const u = (t - leg * 0.5) * 2;
  const [a, b] = [AXIS[leg]!, AXIS[leg + 1]!];
  const point = { lat: round(a.lat + (b.lat - a.lat) * u), lon: round(a.lon + (b.lon - a.lon) * u) };
  const place = [...AXIS].sort((x, y) => distanceKm(point, x) - distanceKm(point, y))[0]!;
  return { ...point, place };
};

type Find = Readonly<{ day: string; t: number; unit: string; convoyId: string; status: IedStatus; casualties?: number }>;

const METHODS = ['visual detection', 'mine detector', 'route-clearance vehicle', 'informant tip'];

/**
 * Devices found by convoy escort companies: most neutralised, one that went off under a
 * vehicle, and the March convoy on which one company found and cleared five (CONTEXT.md).
 */
const finds = (rng: Rng): Find[] => {
  const march = rng.uuid();
  const fiveOnOneConvoy = Array.from({ length: 5 }, () => rng.between(0.55, 0.95))
    .sort((a, b) => a - b)
    .map((t): Find => ({ day: '2020-03-17', t, unit: 'Convoy escort company 3', convoyId: march, status: 'detected' }));
  return [
    { day: '2020-02-09', t: rng.between(0.1, 0.4), unit: 'Convoy escort company 1', convoyId: rng.uuid(), status: 'detected' },
    { day: '2020-02-21', t: rng.between(0.4, 0.6), unit: 'Convoy escort company 2', convoyId: rng.uuid(), status: 'detonated', casualties: 2 },
    ...fiveOnOneConvoy,
    { day: '2020-04-11', t: rng.between(0.6, 0.9), unit: 'Convoy escort company 1', convoyId: rng.uuid(), status: 'neutralized' },
  ];
};

export const sikaIeds = (rng: Rng): Step[] =>
  finds(rng).flatMap((find, i): Step[] => {
    const iedId = rng.uuid();
    const streamId = iedStreamId(iedId);
    // A convoy moves south through the day: later finds on it lie further along the road.
    const detectedAt = at(find.day, 6 + i * 0.1 + find.t * 8);
    const { place, ...point } = onAxis(find.t);
    const detect = step('ied', streamId, plusHours(detectedAt, 0.2), {
      type: 'DetectIed',
      data: {
        iedId,
        detectedAt,
        location: { ...point, precision: 1, ...labels(place), cercle: find.t < 0.3 ? 'Gao' : 'Ansongo' },
        status: find.status,
        unit: find.unit,
        convoyId: find.convoyId,
        axis: 'Gao–Labbezanga',
        method: find.status === 'detonated' ? 'detonation under vehicle' : rng.pick(METHODS),
        ...(find.casualties !== undefined && { casualties: find.casualties }),
      },
    });
    if (find.status !== 'detected') return [detect];
    // Engineers clear a device where it lies, an hour or two after the convoy halts.
    const clearedAt = plusHours(detectedAt, rng.between(1, 2.5));
    return [detect, step('ied', streamId, plusHours(clearedAt, 0.2), { type: 'NeutralizeIed', data: { iedId, at: clearedAt } })];
  });
