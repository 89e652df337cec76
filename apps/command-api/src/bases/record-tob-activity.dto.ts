import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { TOB_ACTIVITY_KINDS, type RecordTobActivity, type TobActivityKind } from '@poc/domain';
import { IsOmittable, IsUtcTime } from '../shared/validators';

/** The body of POST /bases/{id}/activities: the command's data, the base from the path. */
export class RecordTobActivityDto implements Omit<RecordTobActivity['data'], 'baseId'> {
  @ApiProperty({ enum: TOB_ACTIVITY_KINDS, example: 'mediation-mission' })
  @IsIn(TOB_ACTIVITY_KINDS)
  kind!: TobActivityKind;

  @IsUtcTime('2020-03-05T09:00:00Z', 'when the activity was held') date!: string;

  @ApiProperty({ example: 'Koro', minLength: 1, maxLength: 80, description: 'the cercle where it was held (not necessarily the base\'s)' })
  @IsString() @MinLength(1) @MaxLength(80) @Matches(/\S/, { message: '$property must not be blank' })
  cercle!: string;

  @ApiPropertyOptional({ example: 'mediation between Dogon and Fulani community leaders', minLength: 1, maxLength: 2000 })
  @IsOmittable() @IsString() @MinLength(1) @MaxLength(2000) @Matches(/\S/, { message: '$property must not be blank' })
  note?: string;
}
