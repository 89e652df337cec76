import { vehicleStreamId, type VehicleRegistered, type VehicleStatusChanged, type VehicleWrittenOff } from '@poc/domain';
import { EventLog, ProjectionSpecification } from '@poc/projections/testing';
import { vehiclesProjection, type VehicleView } from './vehicles.projection';

const spec = ProjectionSpecification.for(vehiclesProjection);

const registeredAt = '2020-01-02T08:00:00.000Z';
const hit = '2020-03-10T07:00:00.000Z';
const recorded = '2020-03-10T09:00:00.000Z';
const scrapped = '2020-04-01T10:00:00.000Z';

const register = (log: EventLog, extra: Partial<VehicleRegistered['data']> = {}) =>
  log.record(
    vehicleStreamId('UN-1'),
    'VehicleRegistered',
    { vehicleId: 'UN-1', registration: 'un-1', contingent: 'BANBAT', type: 'Casspir', registeredAt, status: 'in-use', ...extra } satisfies VehicleRegistered['data'],
    { occurredAt: registeredAt },
  );
const change = (log: EventLog, data: Omit<VehicleStatusChanged['data'], 'vehicleId'>, recordedAt = data.at) =>
  log.record(vehicleStreamId('UN-1'), 'VehicleStatusChanged', { vehicleId: 'UN-1', ...data } satisfies VehicleStatusChanged['data'], { occurredAt: data.at, recordedAt });
const writeOff = (log: EventLog, reason?: string) =>
  log.record(vehicleStreamId('UN-1'), 'VehicleWrittenOff', { vehicleId: 'UN-1', at: scrapped, ...(reason && { reason }) } satisfies VehicleWrittenOff['data'], {
    occurredAt: scrapped,
  });

const registeredView: VehicleView = {
  vehicleId: 'UN-1',
  registration: 'un-1',
  contingent: 'BANBAT',
  type: 'Casspir',
  registeredAt,
  status: 'in-use',
  statusSince: registeredAt,
  history: [{ status: 'in-use', since: registeredAt, recordedAt: registeredAt }],
};

describe('vehicles projection', () => {
  it('VehicleRegistered: a vehicle with its first period', () => {
    const log = new EventLog();
    spec.given([]).when(register(log)).then({ 'UN-1': registeredView });
  });

  it('VehicleRegistered: one registered unusable keeps its cause and note', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(register(log, { status: 'unusable', cause: 'ied-damage', note: 'mine' }))
      .then({
        'UN-1': { ...registeredView, status: 'unusable', cause: 'ied-damage', history: [{ status: 'unusable', since: registeredAt, recordedAt: registeredAt, cause: 'ied-damage', note: 'mine' }] },
      });
  });

  it('VehicleStatusChanged: a new period, with when it was recorded', () => {
    const log = new EventLog();
    spec
      .given([register(log)])
      .when(change(log, { status: 'unusable', at: hit, cause: 'ied-damage' }, recorded))
      .then({
        'UN-1': {
          ...registeredView,
          status: 'unusable',
          statusSince: hit,
          cause: 'ied-damage',
          history: [...registeredView.history, { status: 'unusable', since: hit, recordedAt: recorded, cause: 'ied-damage' }],
        },
      });
  });

  it('leaving unusable drops the current cause, the history keeps it', () => {
    const log = new EventLog();
    spec
      .given([register(log), change(log, { status: 'unusable', at: hit, cause: 'accident' })])
      .when(change(log, { status: 'in-use', at: scrapped, note: 'repaired' }))
      .then((docs) => {
        const doc = docs.get('UN-1')!;
        expect(doc.cause).toBeUndefined();
        expect(doc.history.map((p) => [p.status, p.cause ?? null, p.note ?? null])).toEqual([
          ['in-use', null, null],
          ['unusable', 'accident', null],
          ['in-use', null, 'repaired'],
        ]);
      });
  });

  it('VehicleWrittenOff: the last period, its reason as the note', () => {
    const log = new EventLog();
    spec
      .given([register(log)])
      .when(writeOff(log, 'burnt out'))
      .then({
        'UN-1': {
          ...registeredView,
          status: 'written-off',
          statusSince: scrapped,
          writtenOffAt: scrapped,
          history: [...registeredView.history, { status: 'written-off', since: scrapped, recordedAt: scrapped, note: 'burnt out' }],
        },
      });
  });

  it('columns: contingent, type, status, registration and write-off times', () => {
    const log = new EventLog();
    spec
      .given([register(log)])
      .when(writeOff(log))
      .thenColumns({ 'UN-1': { contingent: 'BANBAT', vehicle_type: 'Casspir', status: 'written-off', registered_at: registeredAt, written_off_at: scrapped } });
  });

  it('a change to an unknown vehicle creates nothing', () => {
    const log = new EventLog();
    spec.given([]).when([change(log, { status: 'under-maintenance', at: hit }), writeOff(log)]).then({ 'UN-1': undefined });
  });
});
