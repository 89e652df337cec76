import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { IsUtcTime } from '../shared/validators';
import { StopDto } from './stop.dto';

export class CompletePatrolDto {
  @IsUtcTime('2020-03-04T15:00:00Z', 'when the patrol was back') endedAt!: string;

  @ApiPropertyOptional({ type: [StopDto], description: 'only if not given at deployment' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => StopDto)
  stops?: StopDto[];
}
