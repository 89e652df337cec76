import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { AreaDto } from '../shared/geo.dto';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

export class DispatchFlightDto {
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
}
