import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { IED_STATUSES, type IedStatus } from '@poc/domain';
import { LocationDto } from '../shared/geo.dto';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

export class DetectIedDto {
  @IsUtcTime('2020-03-12T07:40:00Z', 'when the device was found') detectedAt!: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => LocationDto)
  location!: LocationDto;

  @ApiProperty({ enum: IED_STATUSES, example: 'neutralized', description: 'its state when reported' })
  @IsIn(IED_STATUSES)
  status!: IedStatus;

  @IsShortText(80, 'Convoy escort company 2') unit?: string;
  @IsShortText(80, 'CVY-2020-0312') convoyId?: string;
  @IsShortText(80, 'visual detection') method?: string;
  /** Counted by its cercle when not given. */
  @IsShortText(80, 'Gao–Ansongo–Labbezanga') axis?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10_000, example: 0, description: 'people killed or injured, if it went off' })
  @IsOmittable() @IsInt() @Min(0) @Max(10_000)
  casualties?: number;
}
