import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from '../shared/validators';
import { ALERT_PRIORITIES, RELIABILITY_GRADES, type AlertPriority, type Reliability, type TriageAlert } from '@poc/domain';

/** The body of POST /alerts/{id}/triage: the command's data, the id from the path. */
export class TriageAlertDto implements Omit<TriageAlert['data'], 'alertId'> {
  @ApiProperty({ enum: ALERT_PRIORITIES, example: 'flash' })
  @IsIn(ALERT_PRIORITIES)
  priority!: AlertPriority;

  @ApiPropertyOptional({ enum: RELIABILITY_GRADES, example: 'B', description: 'source reliability (Admiralty code)' })
  @IsOmittable() @IsIn(RELIABILITY_GRADES)
  reliability?: Reliability;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 6, example: 2, description: 'information credibility (Admiralty code)' })
  @IsOmittable() @IsInt() @Min(1) @Max(6)
  credibility?: number;
}
