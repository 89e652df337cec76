import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CallerDetailsDto {
  @ApiProperty({ example: '0b9f7c1e-5d7a-4c2e-9f00-000000000001' }) alertId!: string;
  @ApiPropertyOptional({ example: 'Amadou' }) name?: string;
  @ApiPropertyOptional({ example: '+223 70 00 00 00' }) phone?: string;
}

export class ForgetCallerResultDto {
  @ApiProperty({ type: [String], description: 'every alert of this caller, now shown as erased everywhere' })
  alertIds!: string[];

  @ApiProperty({ example: 57, description: 'store position of the last CallerErased event (for ?minPosition=)' })
  position!: number;
}
