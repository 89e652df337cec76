import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { DEFAULT_FLIGHT_PURPOSE, FLIGHT_PURPOSES, type DispatchFlight, type FlightPurpose } from '@poc/domain';
import { AreaDto } from '../shared/geo.dto';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

export class DispatchFlightDto implements Omit<DispatchFlight['data'], 'flightId'> {
  @IsUtcTime('2020-03-05T10:15:00Z', 'when the flight was ordered off')
  dispatchedAt!: string;

  @ApiProperty({ type: AreaDto, description: 'the area to overfly' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AreaDto)
  target!: AreaDto;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 50, example: ['6f1c2a8e-3b0d-4c55-9a11-2f4f8c7e9d10'], description: 'the alerts this flight answers' })
  @IsOmittable() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  alertIds?: string[];

  @IsShortText(80, 'Mi-35 (Bandiagara detachment)') aircraft?: string;
  @IsShortText(80, 'Aviation unit, Sector Centre') unit?: string;

  @ApiPropertyOptional({ enum: FLIGHT_PURPOSES, example: 'casualty-evacuation', description: `what the flight is for, in the order of priority; ${DEFAULT_FLIGHT_PURPOSE} when not given` })
  @IsOmittable() @IsIn(FLIGHT_PURPOSES)
  purpose?: FlightPurpose;

  @IsUtcTime('2020-03-05T10:25:00Z', 'when the aircraft took off (not before dispatchedAt); dispatchedAt when not given', true)
  takeOffAt?: string;
}
