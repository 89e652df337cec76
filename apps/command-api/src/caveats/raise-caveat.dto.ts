import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, Matches } from 'class-validator';
import { CAVEAT_KINDS, type CaveatKind, type RaiseCaveat } from '@poc/domain';
import { IsShortText, IsUtcTime } from '../shared/validators';

const notBlank = () => Matches(/\S/, { message: '$property must not be blank' });

export class RaiseCaveatDto implements Omit<RaiseCaveat['data'], 'caveatId'> {
  @IsShortText(80, 'Contingent A', false) @notBlank() contingent!: string;
  @IsShortText(120, 'Convoy escort company 2') unit?: string;

  @ApiProperty({ enum: CAVEAT_KINDS, example: 'condition', description: 'a refusal of the order, or a condition set before carrying it out' })
  @IsIn(CAVEAT_KINDS)
  kind!: CaveatKind;

  @ApiProperty({ example: false, description: 'declared by the contributing country beforehand; an undeclared caveat is the figure the letter reports' })
  @IsBoolean()
  declared!: boolean;

  @IsShortText(300, 'FRAGO 12/2020: escort convoys on the new Sévaré–Douentza supply route', false) @notBlank() order!: string;
  @IsShortText(500, 'night air surveillance of the route', false) @notBlank() condition!: string;
  @IsUtcTime('2020-03-02T08:00:00Z', 'when the contingent set it') raisedAt!: string;
}
