import type { JusticeInstitutionKind } from '@poc/domain';
import type { SupplyDeliveryView } from './supply-deliveries.projection';
import { institutionKey, suppliesSummary } from './supplies-summary';

let n = 0;
const delivery = (institutionKind: JusticeInstitutionKind, institution: string, deliveredAt: string, recordedAt = deliveredAt): SupplyDeliveryView => ({
  deliveryId: `d${++n}`,
  institutionKind,
  institution,
  deliveredAt,
  supplies: 'hygiene kits',
  recordedAt,
});

describe('suppliesSummary', () => {
  // Given: two deliveries to one court (its name typed two ways), one to another, two prisons.
  const deliveries = [
    delivery('court', 'Tribunal de Mopti', '2020-02-01T08:00:00.000Z'),
    delivery('court', ' tribunal  de MOPTI', '2020-04-01T08:00:00.000Z'),
    delivery('court', 'Tribunal de Djenné', '2020-03-01T08:00:00.000Z'),
    delivery('prison', 'Maison d’arrêt de Mopti', '2020-03-01T08:00:00.000Z'),
    delivery('prison', 'Maison d’arrêt de Bandiagara', '2020-05-19T08:00:00.000Z', '2020-05-30T08:00:00.000Z'),
    delivery('prison', 'Maison d’arrêt de Gao', '2020-06-10T08:00:00.000Z'),
  ];

  it('counts institutions, not deliveries: a court supplied twice is one court (both figures given)', () =>
    // When: January to 20 May. Then:
    expect(suppliesSummary(deliveries, { from: '2020-01-01T00:00:00.000Z', to: '2020-05-20T23:59:59.999Z' })).toEqual({
      from: '2020-01-01T00:00:00.000Z',
      to: '2020-05-20T23:59:59.999Z',
      courts: { institutions: 2, deliveries: 3 },
      prisons: { institutions: 2, deliveries: 2 },
    }));

  it('as of a time: a delivery recorded later is not counted yet', () =>
    expect(suppliesSummary(deliveries, { to: '2020-05-20T23:59:59.999Z', asOf: '2020-05-21T00:00:00.000Z' }).prisons).toEqual({ institutions: 1, deliveries: 1 }));

  it('a court and a prison of the same name are two institutions', () =>
    expect(institutionKey('court', 'Mopti')).not.toBe(institutionKey('prison', 'Mopti')));

  it('names compare without case, accents or extra spaces', () => expect(institutionKey('court', '  Tribunal de  DJENNÉ ')).toBe(institutionKey('court', 'tribunal de djenne')));

  it('nothing delivered: zeros', () => expect(suppliesSummary([])).toEqual({ from: null, to: null, courts: { institutions: 0, deliveries: 0 }, prisons: { institutions: 0, deliveries: 0 } }));
});
