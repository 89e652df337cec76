import { ApiProperty } from '@nestjs/swagger';
import type { CommuneReturns, ReturnsReport } from '@poc/projections';
import { TIME } from '../shared/view.dto';

class CommuneReturnsDto implements CommuneReturns {
  @ApiProperty({ example: 'Mopti' }) region!: string;
  @ApiProperty({ example: 'Djenné' }) cercle!: string;
  @ApiProperty({ example: 'Femaye' }) commune!: string;
  @ApiProperty({ type: 'integer', example: 3120, description: 'people helped back in the range' }) people!: number;
  @ApiProperty({ type: 'integer', example: 3, description: 'assisted returns recorded' }) returns!: number;
  @ApiProperty(TIME) firstReturnedAt!: string;
  @ApiProperty(TIME) lastReturnedAt!: string;
}

export class ReturnsReportDto implements ReturnsReport {
  @ApiProperty({ ...TIME, nullable: true, description: 'the range used; null = unbounded' }) from!: string | null;
  @ApiProperty({ ...TIME, nullable: true }) to!: string | null;
  @ApiProperty({ type: 'integer', example: 3120 }) people!: number;
  @ApiProperty({ type: 'integer', example: 3 }) returns!: number;
  @ApiProperty({ type: [CommuneReturnsDto], description: 'per commune, most people first' }) communes!: CommuneReturnsDto[];
}
