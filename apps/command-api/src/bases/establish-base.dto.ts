import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { LocationDto } from '../shared/geo.dto';
import { IsShortText, IsUtcTime } from '../shared/validators';

export class EstablishBaseDto {
  @IsUtcTime('2020-02-16T10:00:00Z', 'when the temporary operating base was up') establishedAt!: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => LocationDto)
  location!: LocationDto;

  @ApiPropertyOptional({ description: 'the incident that prompted the base (left out of its baseline)' })
  @IsOptional() @IsUUID('all')
  triggerIncidentId?: string;

  @IsShortText(80, 'TOB Ogossagou') name?: string;
}
