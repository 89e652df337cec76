import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RETALIATION_VERDICTS } from '@poc/domain';
import { TIME } from '../shared/view.dto';

class AssessmentDto {
  @ApiProperty() episodeId!: string;
  @ApiProperty({ enum: RETALIATION_VERDICTS }) verdict!: string;
  @ApiPropertyOptional() note?: string;
  @ApiProperty(TIME) assessedAt!: string;
  @ApiProperty({ description: 'role and key fingerprint of who recorded it' }) assessedBy!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
}

/** The verdict that stands (the latest) and every verdict given, oldest first. */
export class RetaliationVerdictViewDto {
  @ApiProperty({ format: 'uuid' }) incidentId!: string;
  @ApiProperty() episodeId!: string;
  @ApiProperty({ enum: RETALIATION_VERDICTS }) verdict!: string;
  @ApiPropertyOptional() note?: string;
  @ApiProperty(TIME) assessedAt!: string;
  @ApiProperty({ type: [AssessmentDto] }) history!: AssessmentDto[];
}
