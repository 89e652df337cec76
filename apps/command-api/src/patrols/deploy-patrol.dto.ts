import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { AreaDto } from '../shared/geo.dto';
import { IsShortText, IsUtcTime } from '../shared/validators';
import { StopDto } from './stop.dto';

export class DeployPatrolDto {
  @IsShortText(80, 'Buffalo', false) operation!: string;
  @IsShortText(80, 'FPU Togo / LRRP-2', false) unit!: string;
  @IsUtcTime('2020-03-01T06:00:00Z', 'when the patrol left base') startedAt!: string;

  @ApiProperty({ type: AreaDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AreaDto)
  area!: AreaDto;

  @IsShortText(40, 'long-range') kind?: string;

  @ApiPropertyOptional({ type: [StopDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => StopDto)
  stops?: StopDto[];

  @ApiPropertyOptional({ type: [String], description: 'alerts this patrol answers' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  alertIds?: string[];
}
