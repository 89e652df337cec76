import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { JUDICIAL_CASE_CATEGORIES, JUDICIAL_CASE_STATUSES, type JudicialCaseCategory, type JudicialCaseStatus, type OpenJudicialCase } from '@poc/domain';
import { ID_PATTERN } from '@poc/platform/http';
import { IsOmittable, IsUtcTime } from '../shared/validators';

/**
 * A case is its reference, category and opening (and, registered late, the status it has reached): no field names a suspect, and the global
 * validation pipe refuses any other field (a body with a name is a 400, nothing stored).
 */
type OpenJudicialCaseData = OpenJudicialCase['data'];

export class OpenJudicialCaseDto implements OpenJudicialCaseData {
  @ApiProperty({ example: 'PJS-2020-0042', pattern: ID_PATTERN.source, maxLength: 64, description: "the unit's case reference; it names the case's stream, so a reference opens once" })
  @IsString() @Matches(ID_PATTERN, { message: '$property must be 1–64 letters, digits, - or _' })
  caseRef!: string;

  @ApiProperty({ enum: JUDICIAL_CASE_CATEGORIES, example: 'terrorism' })
  @IsIn(JUDICIAL_CASE_CATEGORIES)
  category!: JudicialCaseCategory;

  @IsUtcTime('2020-01-15T09:00:00Z', 'when the case was opened') openedAt!: string;

  @ApiPropertyOptional({ enum: JUDICIAL_CASE_STATUSES, example: 'referred-to-trial', description: 'for a case registered late: the status it has reached (needs statusAt)' })
  @IsOmittable() @IsIn(JUDICIAL_CASE_STATUSES)
  status?: JudicialCaseStatus;

  @IsUtcTime('2020-03-01T10:00:00Z', 'when it reached that status', true) statusAt?: string;
}
