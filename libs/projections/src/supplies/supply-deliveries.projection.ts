import type { Stored, StoredEvent, SuppliesDelivered, SupplyEvent } from '@poc/domain';
import type { Projection } from '../projection';

/** One delivery as recorded, with when the store took it (for as-of reports). */
export type SupplyDeliveryView = SuppliesDelivered['data'] & Readonly<{ recordedAt: string }>;

const evolve = (doc: SupplyDeliveryView | undefined, stored: StoredEvent): SupplyDeliveryView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<SupplyEvent>;
  switch (event.type) {
    case 'SuppliesDelivered':
      return { ...event.data, recordedAt: event.recordedAt };
    default:
      return doc;
  }
};

export const supplyDeliveriesProjection: Projection<SupplyDeliveryView> = {
  name: 'supply-deliveries',
  version: 1,
  collection: {
    name: 'supply_deliveries',
    columns: { institution_kind: 'text', delivered_at: 'text', recorded_at: 'text' },
    indexes: [['delivered_at']],
  },
  handles: ['SuppliesDelivered'],
  keysOf: (event) => [(event as Stored<SupplyEvent>).data.deliveryId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({ institution_kind: view.institutionKind, delivered_at: view.deliveredAt, recorded_at: view.recordedAt }),
};
