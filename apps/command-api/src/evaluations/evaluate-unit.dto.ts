import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsIn, IsISO8601, IsObject, Matches, ValidateNested } from 'class-validator';
import {
  EVALUATION_RATINGS,
  SHORTFALL_AREAS,
  UNIT_KINDS,
  type EvaluateUnitData,
  type EvaluationPeriod,
  type EvaluationRating,
  type ShortfallArea,
  type UnitKind,
} from '@poc/domain';
import { ID_PATTERN } from '@poc/platform/http';
import { IsOmittable, IsShortText, IsUtcTime } from '../shared/validators';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day that exists: 2020-02-30 is a 400, as a malformed one is. */
const IsDay = () =>
  applyDecorators(IsISO8601({ strict: true }, { message: '$property must be a day such as 2020-01-01' }), Matches(DAY, { message: '$property must be a day such as 2020-01-01' }));

export class EvaluationPeriodDto implements EvaluationPeriod {
  @ApiProperty({ example: '2020-01-01', format: 'date', description: 'first day evaluated' })
  @IsDay()
  from!: string;

  @ApiProperty({ example: '2020-03-31', format: 'date', description: 'last day evaluated (a formed police unit: the last day of the same quarter)' })
  @IsDay()
  to!: string;
}

export class EvaluateUnitDto implements Omit<EvaluateUnitData, 'evaluationId'> {
  @ApiProperty({ example: 'BANBAT-2', pattern: ID_PATTERN.source, maxLength: 64, description: "the unit's id: its evaluations are listed under GET /units/{id}/evaluations" })
  @Matches(ID_PATTERN, { message: 'unitId must be 1–64 letters, digits, - or _' })
  unitId!: string;

  @ApiProperty({ enum: UNIT_KINDS, example: 'military' })
  @IsIn(UNIT_KINDS)
  unitKind!: UnitKind;

  @ApiProperty({ type: EvaluationPeriodDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => EvaluationPeriodDto)
  period!: EvaluationPeriodDto;

  @IsUtcTime('2020-03-15T09:00:00Z', 'when the evaluation was made') evaluatedAt!: string;

  @ApiProperty({ enum: EVALUATION_RATINGS, example: 'shortfalls', description: 'required: an evaluation without a rating is not one' })
  @IsIn(EVALUATION_RATINGS)
  rating!: EvaluationRating;

  @ApiPropertyOptional({ enum: SHORTFALL_AREAS, isArray: true, example: ['training', 'equipment'], description: 'only with a rating below satisfactory; shortfalls must name one' })
  @IsOmittable() @IsArray() @ArrayMaxSize(SHORTFALL_AREAS.length) @ArrayUnique() @IsIn(SHORTFALL_AREAS, { each: true })
  shortfallAreas?: ShortfallArea[];

  @IsShortText(120, 'Bangladesh infantry battalion 2') unitName?: string;
  @IsShortText(80, 'Bangladesh') contingent?: string;
}
