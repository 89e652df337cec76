import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsOmittable } from '../shared/validators';
import { EPISODE_ID, RETALIATION_NOTE_MAX, RETALIATION_VERDICTS, type RetaliationVerdict } from '@poc/domain';

export class AssessRetaliationDto {
  @ApiProperty({ format: 'uuid', example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', description: 'the candidate incident' })
  @IsUUID('all')
  incidentId!: string;

  @ApiProperty({
    example: 'patrol-6f1c2a8e-stop-2',
    minLength: 1,
    maxLength: 200,
    pattern: EPISODE_ID.source,
    description: 'the presence departure the incident was attributed to',
  })
  @IsString() @MinLength(1) @MaxLength(200) @Matches(EPISODE_ID, { message: '$property must be letters, digits, - or _' })
  episodeId!: string;

  @ApiProperty({ enum: RETALIATION_VERDICTS, example: 'not-retaliation' })
  @IsIn(RETALIATION_VERDICTS)
  verdict!: RetaliationVerdict;

  @ApiPropertyOptional({ example: 'cattle theft between herders, unrelated to the patrol', minLength: 1, maxLength: RETALIATION_NOTE_MAX })
  @IsOmittable() @IsString() @MinLength(1) @MaxLength(RETALIATION_NOTE_MAX) @Matches(/\S/, { message: '$property must not be blank' })
  note?: string;
}
