import type { Stored, StoredEvent, VehicleDamageCause, VehicleEvent, VehicleRegistered, VehicleStatus } from '@poc/domain';
import type { Projection } from '../projection';

/** A vehicle's status as the register knows it; written off = out of the fleet for good. */
export type VehicleStatusOrWrittenOff = VehicleStatus | 'written-off';

/** One period of a vehicle's history: its status from `since` until the next period's. */
export type VehicleStatusPeriod = Readonly<{
  status: VehicleStatusOrWrittenOff;
  since: string;
  /** When the event was recorded: what an as-of query had been told by then. */
  recordedAt: string;
  cause?: VehicleDamageCause;
  /** The change's note, or the write-off's reason. */
  note?: string;
}>;

export type VehicleView = Readonly<{
  vehicleId: string;
  registration: string;
  contingent: string;
  type: string;
  registeredAt: string;
  /** The last period's status and cause. */
  status: VehicleStatusOrWrittenOff;
  statusSince: string;
  cause?: VehicleDamageCause;
  writtenOffAt?: string;
  /** Every period in the order recorded (the decider keeps `since` from going back). */
  history: readonly VehicleStatusPeriod[];
}>;

const registered = ({ status, cause, note, ...data }: VehicleRegistered['data'], recordedAt: string): VehicleView => ({
  vehicleId: data.vehicleId,
  registration: data.registration,
  contingent: data.contingent,
  type: data.type,
  registeredAt: data.registeredAt,
  status,
  statusSince: data.registeredAt,
  ...(cause !== undefined && { cause }),
  history: [{ status, since: data.registeredAt, recordedAt, ...(cause !== undefined && { cause }), ...(note !== undefined && { note }) }],
});

/** The vehicle enters a new period; the current cause is the new period's, if any. */
const entered = (doc: VehicleView | undefined, period: VehicleStatusPeriod): VehicleView | undefined => {
  if (!doc) return doc;
  const { cause: _previous, ...rest } = doc;
  return {
    ...rest,
    status: period.status,
    statusSince: period.since,
    ...(period.cause !== undefined && { cause: period.cause }),
    ...(period.status === 'written-off' && { writtenOffAt: period.since }),
    history: [...doc.history, period],
  };
};

const evolve = (doc: VehicleView | undefined, stored: StoredEvent): VehicleView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<VehicleEvent>;
  switch (event.type) {
    case 'VehicleRegistered':
      return registered(event.data, event.recordedAt);
    case 'VehicleStatusChanged': {
      const { status, at, cause, note } = event.data;
      return entered(doc, { status, since: at, recordedAt: event.recordedAt, ...(cause !== undefined && { cause }), ...(note !== undefined && { note }) });
    }
    case 'VehicleWrittenOff': {
      const { at, reason } = event.data;
      return entered(doc, { status: 'written-off', since: at, recordedAt: event.recordedAt, ...(reason !== undefined && { note: reason }) });
    }
    default:
      return doc;
  }
};

export const vehiclesProjection: Projection<VehicleView> = {
  name: 'vehicles',
  version: 1,
  collection: {
    name: 'vehicles',
    columns: { contingent: 'text', vehicle_type: 'text', status: 'text', registered_at: 'text', written_off_at: 'text' },
    indexes: [['registered_at'], ['contingent']],
  },
  handles: ['VehicleRegistered', 'VehicleStatusChanged', 'VehicleWrittenOff'],
  keysOf: (event) => [(event as Stored<VehicleEvent>).data.vehicleId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({
    contingent: view.contingent,
    vehicle_type: view.type,
    status: view.status,
    registered_at: view.registeredAt,
    written_off_at: view.writtenOffAt ?? null,
  }),
};
