import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import type { RecordDetentions } from '@poc/domain';
import { IsUtcTime } from '../shared/validators';

/** Body of /detentions and /convictions: how many people, never who. */
export class RecordPeopleCountDto implements Omit<RecordDetentions['data'], 'caseRef'> {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10_000, example: 3 })
  @IsInt() @Min(1) @Max(10_000)
  people!: number;

  @IsUtcTime('2020-02-10T08:00:00Z', 'when they were detained or convicted') at!: string;

  @ApiProperty({ example: true, description: 'in relation to crimes against peacekeepers' })
  @IsBoolean()
  crimesAgainstPeacekeepers!: boolean;
}
