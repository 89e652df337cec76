import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ALERT_PRIORITIES, RELIABILITY_GRADES, type AlertPriority, type Reliability } from '@poc/domain';

export class TriageAlertDto {
  @ApiProperty({ enum: ALERT_PRIORITIES, example: 'flash' })
  @IsIn(ALERT_PRIORITIES)
  priority!: AlertPriority;

  @ApiPropertyOptional({ enum: RELIABILITY_GRADES, example: 'B', description: 'source reliability (Admiralty code)' })
  @IsOptional() @IsIn(RELIABILITY_GRADES)
  reliability?: Reliability;

  @ApiPropertyOptional({ minimum: 1, maximum: 6, example: 2, description: 'information credibility (Admiralty code)' })
  @IsOptional() @IsInt() @Min(1) @Max(6)
  credibility?: number;
}
