import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsOmittable, IsUtcTime } from '../shared/validators';

/** Body of both /neutralize and /detonation. */
export class ResolveIedDto {
  @IsUtcTime('2020-03-12T09:15:00Z', 'when it was neutralised or went off') at!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10_000, example: 0 })
  @IsOmittable() @IsInt() @Min(0) @Max(10_000)
  casualties?: number;
}
