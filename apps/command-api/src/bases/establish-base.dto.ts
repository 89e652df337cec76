import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { LocationDto } from '../shared/geo.dto';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

export class EstablishBaseDto {
  @IsUtcTime('2020-02-16T10:00:00Z', 'when the temporary operating base was up') establishedAt!: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => LocationDto)
  location!: LocationDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'the incident that prompted the base (left out of its baseline)' })
  @IsOmittable() @IsUUID('all')
  triggerIncidentId?: string;

  @IsShortText(80, 'TOB Ogossagou') name?: string;
}
