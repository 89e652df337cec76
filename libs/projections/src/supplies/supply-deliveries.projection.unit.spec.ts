import { supplyDeliveryStreamId } from '@poc/domain';
import { EventLog, ProjectionSpecification } from '@poc/projections/testing';
import { supplyDeliveriesProjection } from './supply-deliveries.projection';

const spec = ProjectionSpecification.for(supplyDeliveriesProjection);
const delivery = { deliveryId: 'd1', institutionKind: 'court', institution: 'Tribunal de grande instance de Mopti', deliveredAt: '2020-03-10T09:00:00.000Z', supplies: 'IT equipment', cercle: 'Mopti', region: 'Mopti' } as const;

describe('supply-deliveries projection', () => {
  it('SuppliesDelivered: the delivery as recorded, with its record time', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(log.record(supplyDeliveryStreamId('d1'), 'SuppliesDelivered', delivery, { occurredAt: delivery.deliveredAt }))
      .then({ d1: { ...delivery, recordedAt: delivery.deliveredAt } });
  });

  it('columns: institution kind, delivery and record times', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(log.record(supplyDeliveryStreamId('d1'), 'SuppliesDelivered', delivery, { occurredAt: delivery.deliveredAt, recordedAt: '2020-03-11T00:00:00.000Z' }))
      .thenColumns({ d1: { institution_kind: 'court', delivered_at: delivery.deliveredAt, recorded_at: '2020-03-11T00:00:00.000Z' } });
  });
});
