import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsUtcTime } from '../shared/validators';

/** Body of both /neutralize and /detonation. */
export class ResolveIedDto {
  @IsUtcTime('2020-03-12T09:15:00Z', 'when it was neutralised or went off') at!: string;

  @ApiPropertyOptional({ minimum: 0, example: 0 })
  @IsOptional() @IsInt() @Min(0) @Max(10_000)
  casualties?: number;
}
