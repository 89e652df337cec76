import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { VEHICLE_DAMAGE_CAUSES, VEHICLE_STATUSES, type RegisterVehicle, type VehicleDamageCause, type VehicleStatus } from '@poc/domain';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

/** The registration is the vehicle's id in the API: letters, digits and inner hyphens. */
export const REGISTRATION_PATTERN = '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$';

// Omit<…, never>: `implements` takes a type reference, not an indexed access.
export class RegisterVehicleDto implements Omit<RegisterVehicle['data'], never> {
  @ApiProperty({ example: 'UN-12345', pattern: REGISTRATION_PATTERN, maxLength: 40, description: 'unique in the register, whatever its case: registering it again is a 409' })
  @Matches(new RegExp(REGISTRATION_PATTERN), { message: 'registration must be 1–40 letters, digits or inner hyphens' })
  registration!: string;

  @IsShortText(80, 'BANBAT-2', false) contingent!: string;
  @IsShortText(80, 'Casspir', false) type!: string;
  @IsUtcTime('2020-01-02T08:00:00Z', 'when it entered the register') registeredAt!: string;

  @ApiPropertyOptional({ enum: VEHICLE_STATUSES, default: 'in-use', description: 'its status when registered' })
  @IsOmittable() @IsIn(VEHICLE_STATUSES)
  status?: VehicleStatus;

  @ApiPropertyOptional({ enum: VEHICLE_DAMAGE_CAUSES, description: 'required when the status is unusable, refused otherwise' })
  @IsOmittable() @IsIn(VEHICLE_DAMAGE_CAUSES)
  cause?: VehicleDamageCause;

  @IsShortText(500, 'awaiting a new gearbox') note?: string;
}
