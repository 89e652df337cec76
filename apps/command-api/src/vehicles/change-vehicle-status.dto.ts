import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { VEHICLE_DAMAGE_CAUSES, VEHICLE_STATUSES, type ChangeVehicleStatus, type VehicleDamageCause, type VehicleStatus } from '@poc/domain';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

export class ChangeVehicleStatusDto implements Omit<ChangeVehicleStatus['data'], 'vehicleId'> {
  @ApiProperty({ enum: VEHICLE_STATUSES, example: 'unusable', description: 'a status other than the current one' })
  @IsIn(VEHICLE_STATUSES)
  status!: VehicleStatus;

  @IsUtcTime('2020-03-10T07:00:00Z', 'when the vehicle entered this status; not before its last change') at!: string;

  @ApiPropertyOptional({ enum: VEHICLE_DAMAGE_CAUSES, example: 'ied-damage', description: 'required when the status is unusable, refused otherwise' })
  @IsOmittable() @IsIn(VEHICLE_DAMAGE_CAUSES)
  cause?: VehicleDamageCause;

  @IsShortText(500, 'struck an IED on the Gao–Ansongo axis') note?: string;
}
