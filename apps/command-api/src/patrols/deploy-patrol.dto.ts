import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { AreaDto } from '../shared/geo.dto';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';
import { StopDto } from './stop.dto';

export class DeployPatrolDto {
  @IsShortText(80, 'Buffalo', false) operation!: string;
  @IsShortText(80, 'FPU Togo / LRRP-2', false) unit!: string;
  @IsUtcTime('2020-03-01T06:00:00Z', 'when the patrol left base') startedAt!: string;

  @ApiProperty({ type: AreaDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AreaDto)
  area!: AreaDto;

  @IsShortText(40, 'long-range') kind?: string;

  @ApiPropertyOptional({ type: [StopDto], maxItems: 100 })
  @IsOmittable() @IsArray() @ArrayMaxSize(100) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => StopDto)
  stops?: StopDto[];

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 50, description: 'alerts this patrol answers' })
  @IsOmittable() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  alertIds?: string[];
}
