import { ApiProperty } from '@nestjs/swagger';
import type { InstitutionsSupplied, SuppliesSummary } from '@poc/projections';
import { TIME } from '../shared/view.dto';

class InstitutionsSuppliedDto implements InstitutionsSupplied {
  @ApiProperty({ type: 'integer', example: 21, description: 'distinct institutions supplied at least once in the range (the letter counts these)' }) institutions!: number;
  @ApiProperty({ type: 'integer', example: 25, description: 'deliveries to them' }) deliveries!: number;
}

export class SuppliesSummaryDto implements SuppliesSummary {
  @ApiProperty({ ...TIME, nullable: true, description: 'the range used; null = unbounded' }) from!: string | null;
  @ApiProperty({ ...TIME, nullable: true }) to!: string | null;
  @ApiProperty({ type: InstitutionsSuppliedDto }) courts!: InstitutionsSuppliedDto;
  @ApiProperty({ type: InstitutionsSuppliedDto }) prisons!: InstitutionsSuppliedDto;
}
