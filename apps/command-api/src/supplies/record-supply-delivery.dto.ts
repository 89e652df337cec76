import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { JUSTICE_INSTITUTION_KINDS, type JusticeInstitutionKind, type RecordSupplyDelivery } from '@poc/domain';
import { IsShortText, IsUtcTime } from '../shared/validators';

export class RecordSupplyDeliveryDto implements Omit<RecordSupplyDelivery['data'], 'deliveryId'> {
  @ApiProperty({ enum: JUSTICE_INSTITUTION_KINDS, example: 'prison' })
  @IsIn(JUSTICE_INSTITUTION_KINDS)
  institutionKind!: JusticeInstitutionKind;

  @IsShortText(120, 'Maison d’arrêt de Mopti', false) institution!: string;
  @IsUtcTime('2020-03-10T09:00:00Z', 'when the supplies were handed over') deliveredAt!: string;
  @IsShortText(500, 'hygiene kits, masks, IT equipment', false) supplies!: string;
  @IsShortText(80, 'Mopti') cercle?: string;
  @IsShortText(80, 'Mopti') region?: string;
}
