import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { IsOmittable, IsUtcTime } from '../shared/validators';
import { StopDto } from './stop.dto';

export class CompletePatrolDto {
  @IsUtcTime('2020-03-04T15:00:00Z', 'when the patrol was back') endedAt!: string;

  @ApiPropertyOptional({ type: [StopDto], maxItems: 100, description: 'only if not given at deployment' })
  @IsOmittable() @IsArray() @ArrayMaxSize(100) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => StopDto)
  stops?: StopDto[];
}
