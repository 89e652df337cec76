import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { VERIFICATION_METHODS, VERIFICATION_STATUSES, type RecordVerification, type VerificationMethod, type VerificationStatus } from '@poc/domain';
import { IsShortText } from '../shared/validators';

export class RecordVerificationDto implements Omit<RecordVerification['data'], 'incidentId'> {
  @ApiProperty({ enum: VERIFICATION_STATUSES, example: 'verified', description: 'the same status again records nothing' })
  @IsIn(VERIFICATION_STATUSES)
  status!: VerificationStatus;

  @ApiProperty({ enum: VERIFICATION_METHODS, example: 'site-visit' })
  @IsIn(VERIFICATION_METHODS)
  method!: VerificationMethod;

  @IsShortText(1000, 'BANBAT-1 patrol saw the burnt huts on 22 March') note?: string;
}
