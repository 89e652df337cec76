import { DeciderSpecification } from '@poc/domain/testing';
import type { SuppliesDelivered } from './supplies.events';
import { supplyDeliveryDecider, supplyDeliveryStreamId } from './supply-delivery.decider';

const context = { now: '2020-05-20T12:00:00.000Z' };
const spec = DeciderSpecification.for(supplyDeliveryDecider);
const delivery = { deliveryId: 'd1', institutionKind: 'prison', institution: 'Maison d’arrêt de Mopti', deliveredAt: '2020-03-10T09:00:00.000Z', supplies: 'hygiene kits, masks' } as const;
const record = (data: Partial<SuppliesDelivered['data']> = {}) => ({ type: 'RecordSupplyDelivery', context, data: { ...delivery, ...data } }) as const;
const delivered: SuppliesDelivered = { type: 'SuppliesDelivered', occurredAt: delivery.deliveredAt, data: delivery };

describe('supply delivery decider', () => {
  it('names its stream delivery-<id>', () => expect(supplyDeliveryStreamId('d1')).toBe('delivery-d1'));
  it('records a delivery', () => spec.given([]).when(record()).then([delivered]));
  it('keeps the place when given', () =>
    spec.given([]).when(record({ cercle: 'Mopti', region: 'Mopti' })).then([{ ...delivered, data: { ...delivery, cercle: 'Mopti', region: 'Mopti' } }]));
  it('refuses to record one delivery twice', () => spec.given([delivered]).when(record()).thenThrows('conflict', /already recorded/));
  it('refuses a blank institution', () => spec.given([]).when(record({ institution: ' ' })).thenThrows('invalid', /institution must name/));
  it('refuses a delivery in the future', () => spec.given([]).when(record({ deliveredAt: '2020-06-01T00:00:00.000Z' })).thenThrows('invalid', /deliveredAt.*future/));
});
