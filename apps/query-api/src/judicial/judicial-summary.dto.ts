import { ApiProperty } from '@nestjs/swagger';
import type { JudicialSummary, PeopleTotals } from '@poc/projections';
import { TIME } from '../shared/view.dto';

// Each class implements the figure it documents: a drifting field fails to compile.

type ByStatus = JudicialSummary['byStatus'];
type UnderInvestigation = JudicialSummary['underInvestigation'];
type ByCategory = UnderInvestigation['byCategory'];

class PeopleTotalsDto implements PeopleTotals {
  @ApiProperty({ type: 'integer', example: 20 }) total!: number;
  @ApiProperty({ type: 'integer', example: 13, description: 'in relation to crimes against peacekeepers' }) crimesAgainstPeacekeepers!: number;
}

class CasesByStatusDto implements ByStatus {
  @ApiProperty({ type: 'integer', example: 618 }) 'under-investigation'!: number;
  @ApiProperty({ type: 'integer', example: 40 }) 'referred-to-trial'!: number;
  @ApiProperty({ type: 'integer', example: 12 }) closed!: number;
}

class CasesByCategoryDto implements ByCategory {
  @ApiProperty({ type: 'integer', example: 319 }) terrorism!: number;
  @ApiProperty({ type: 'integer', example: 77 }) 'transnational-organised-crime'!: number;
  @ApiProperty({ type: 'integer', example: 222 }) other!: number;
}

class UnderInvestigationDto implements UnderInvestigation {
  @ApiProperty({ type: 'integer', example: 618 }) total!: number;
  @ApiProperty({ type: CasesByCategoryDto }) byCategory!: CasesByCategoryDto;
}

export class JudicialSummaryDto implements JudicialSummary {
  @ApiProperty({ format: 'date', example: '2020-05-20' }) on!: string;
  @ApiProperty(TIME) asOf!: string;
  @ApiProperty({ type: 'integer', example: 670, description: 'cases opened by the end of `on`' }) cases!: number;
  @ApiProperty({ type: CasesByStatusDto, description: 'each case by its status at the end of `on`' }) byStatus!: CasesByStatusDto;
  @ApiProperty({ type: UnderInvestigationDto }) underInvestigation!: UnderInvestigationDto;
  @ApiProperty({ type: PeopleTotalsDto, description: 'people detained by the end of `on`, on any case' }) detained!: PeopleTotalsDto;
  @ApiProperty({ type: PeopleTotalsDto, description: 'people convicted by the end of `on`' }) convicted!: PeopleTotalsDto;
}
