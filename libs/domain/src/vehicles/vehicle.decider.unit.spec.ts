import { DeciderSpecification } from '@poc/domain/testing';
import type { VehicleRegistered, VehicleStatusChanged, VehicleWrittenOff } from './vehicle.events';
import { vehicleDecider, vehicleStreamId } from './vehicle.decider';
import { vehicleIdOf } from './register-vehicle.command';

const now = '2020-05-20T12:00:00.000Z';
const context = { now };
const vehicleId = 'UN-1234';
const spec = DeciderSpecification.for(vehicleDecider);
const registeredAt = '2020-01-02T08:00:00.000Z';
const brokeDown = '2020-03-10T07:00:00.000Z';
const repaired = '2020-03-20T07:00:00.000Z';

const register = (extra: Partial<VehicleRegistered['data']> = {}) =>
  ({ type: 'RegisterVehicle', context, data: { registration: 'un-1234', contingent: 'BANBAT', type: 'Casspir', registeredAt, ...extra } }) as const;
const change = (status: VehicleStatusChanged['data']['status'], at: string, extra: Partial<VehicleStatusChanged['data']> = {}) =>
  ({ type: 'ChangeVehicleStatus', context, data: { vehicleId, status, at, ...extra } }) as const;
const writeOff = (at: string, reason?: string) => ({ type: 'WriteOffVehicle', context, data: { vehicleId, at, ...(reason && { reason }) } }) as const;

const registered: VehicleRegistered = {
  type: 'VehicleRegistered',
  occurredAt: registeredAt,
  data: { vehicleId, registration: 'un-1234', contingent: 'BANBAT', type: 'Casspir', registeredAt, status: 'in-use' },
};
const toMaintenance: VehicleStatusChanged = { type: 'VehicleStatusChanged', occurredAt: brokeDown, data: { vehicleId, status: 'under-maintenance', at: brokeDown } };
const writtenOff: VehicleWrittenOff = { type: 'VehicleWrittenOff', occurredAt: repaired, data: { vehicleId, at: repaired, reason: 'hull breached' } };

describe('vehicle decider', () => {
  it('names its stream by the registration, whatever its case', () => {
    expect(vehicleStreamId('un-1234')).toBe('vehicle-UN-1234');
    expect(vehicleStreamId(vehicleIdOf(' UN-1234 '))).toBe('vehicle-UN-1234');
  });

  describe('RegisterVehicle', () => {
    it('registers a vehicle in daily use by default', () => spec.given([]).when(register()).then([registered]));

    it('registers one already unusable, with its cause', () =>
      spec
        .given([])
        .when(register({ status: 'unusable', cause: 'ied-damage', note: 'mine blast' }))
        .then([{ ...registered, data: { ...registered.data, status: 'unusable', cause: 'ied-damage', note: 'mine blast' } }]));

    it('refuses to register the same registration twice', () =>
      spec.given([registered]).when(register({ contingent: 'TOGOBAT' })).thenThrows('conflict', /UN-1234 is already registered/));

    it('refuses an unusable vehicle without a cause', () => spec.given([]).when(register({ status: 'unusable' })).thenThrows('invalid', /cause is required/));

    it('refuses a cause for a vehicle in use', () => spec.given([]).when(register({ cause: 'accident' })).thenThrows('invalid', /cause is given only/));

    it('refuses a registration that cannot be an id', () =>
      spec.given([]).when(register({ registration: 'UN 12/34' })).thenThrows('invalid', /registration must be/));

    it('refuses a registration in the future', () =>
      spec.given([]).when(register({ registeredAt: '2020-05-21T00:00:00.000Z' })).thenThrows('invalid', /registeredAt.*future/));
  });

  describe('ChangeVehicleStatus', () => {
    it('records a change of status', () => spec.given([registered]).when(change('under-maintenance', brokeDown)).then([toMaintenance]));

    it('records an unusable vehicle with its cause and note', () =>
      spec
        .given([registered, toMaintenance])
        .when(change('unusable', repaired, { cause: 'damage-beyond-repair', note: 'no spare axle in theatre' }))
        .then([
          { type: 'VehicleStatusChanged', occurredAt: repaired, data: { vehicleId, status: 'unusable', at: repaired, cause: 'damage-beyond-repair', note: 'no spare axle in theatre' } },
        ]));

    it('allows a change at the very time of the last one', () =>
      spec.given([registered, toMaintenance]).when(change('in-use', brokeDown)).then((events) => expect(events).toHaveLength(1)));

    it('refuses an unknown vehicle', () => spec.given([]).when(change('under-maintenance', brokeDown)).thenThrows('not-found', /vehicle UN-1234/));

    it('refuses a change to the status it is in: one status at a time', () =>
      spec.given([registered, toMaintenance]).when(change('under-maintenance', repaired)).thenThrows('conflict', /already under-maintenance/));

    it('refuses unusable without a cause', () => spec.given([registered]).when(change('unusable', brokeDown)).thenThrows('invalid', /cause is required/));

    it('refuses a cause for maintenance', () =>
      spec.given([registered]).when(change('under-maintenance', brokeDown, { cause: 'accident' })).thenThrows('invalid', /cause is given only/));

    it('refuses a change before the last one', () =>
      spec.given([registered, toMaintenance]).when(change('in-use', '2020-03-09T00:00:00.000Z')).thenThrows('invalid', /at .*before its last status change/));

    it('refuses a change before the registration', () =>
      spec.given([registered]).when(change('under-maintenance', '2019-12-31T00:00:00.000Z')).thenThrows('invalid', /before its last status change/));

    it('refuses a change in the future', () =>
      spec.given([registered]).when(change('under-maintenance', '2020-05-21T00:00:00.000Z')).thenThrows('invalid', /at .*future/));

    it('refuses any change after a write-off', () =>
      spec.given([registered, writtenOff]).when(change('in-use', '2020-04-01T00:00:00.000Z')).thenThrows('conflict', /written off/));
  });

  describe('WriteOffVehicle', () => {
    it('writes a vehicle off', () => spec.given([registered, toMaintenance]).when(writeOff(repaired, 'hull breached')).then([writtenOff]));

    it('refuses an unknown vehicle', () => spec.given([]).when(writeOff(repaired)).thenThrows('not-found', /vehicle UN-1234/));

    it('refuses to write off twice', () => spec.given([registered, writtenOff]).when(writeOff(repaired)).thenThrows('conflict', /written off/));

    it('refuses a write-off before the last change', () =>
      spec.given([registered, toMaintenance]).when(writeOff('2020-03-01T00:00:00.000Z')).thenThrows('invalid', /before its last status change/));

    it('refuses a write-off in the future', () => spec.given([registered]).when(writeOff('2020-06-01T00:00:00.000Z')).thenThrows('invalid', /future/));
  });
});
