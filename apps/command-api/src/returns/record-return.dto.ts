import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { RecordReturn } from '@poc/domain';
import { IsShortText, IsUtcTime } from '../shared/validators';

/** Displaced people helped back to a commune: a place and a count, no names. */
export class RecordReturnDto implements Omit<RecordReturn['data'], 'returnId'> {
  @IsShortText(80, 'Femaye', false) commune!: string;
  @IsShortText(80, 'Djenné', false) cercle!: string;
  @IsShortText(80, 'Mopti', false) region!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 3120, description: 'people helped to return' })
  @IsInt() @Min(1) @Max(1_000_000)
  people!: number;

  @IsUtcTime('2020-04-15T08:00:00Z', 'when they returned') returnedAt!: string;
}
