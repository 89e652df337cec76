import type { WriteOffVehicle } from '@poc/domain';
import { IsShortText, IsUtcTime } from '../shared/validators';

export class WriteOffVehicleDto implements Omit<WriteOffVehicle['data'], 'vehicleId'> {
  @IsUtcTime('2020-04-01T10:00:00Z', 'from when it is out of the fleet; not before its last change') at!: string;
  @IsShortText(500, 'hull breached, beyond repair') reason?: string;
}
