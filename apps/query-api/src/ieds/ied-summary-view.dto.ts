import { ApiProperty } from '@nestjs/swagger';
import type { IedConvoy, IedCounts, IedMonthAxis, IedSummary } from '@poc/projections';

// Each class implements the figure it documents: a drifting field fails to compile.

type MonthCounts = IedSummary['byMonth'][number];

class IedCountsDto implements IedCounts {
  @ApiProperty({ type: 'integer', example: 9, description: 'devices reported, whatever became of them' }) found!: number;
  @ApiProperty({ type: 'integer', example: 7, description: 'found and neutralised before going off' }) neutralised!: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'went off' }) detonated!: number;
  @ApiProperty({ type: 'integer', example: 1, description: 'found, not dealt with yet: outside the share' }) pending!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.875, description: 'neutralised / (neutralised + detonated); null when none was resolved' }) shareNeutralised!: number | null;
  @ApiProperty({ type: 'integer', example: 2, description: 'killed or injured by those that went off' }) casualties!: number;
}

class IedMonthDto extends IedCountsDto implements MonthCounts {
  @ApiProperty({ example: '2020-03', description: 'the month of detection (UTC)' }) month!: string;
}

class IedMonthAxisDto extends IedMonthDto implements IedMonthAxis {
  @ApiProperty({ type: String, nullable: true, example: 'Gao–Ansongo–Labbezanga', description: 'the supply route; null for the reports that name none' }) axis!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'only when axis is null: the cercle of those reports (null when unknown too)' }) cercle!: string | null;
}

class IedConvoyDto implements IedConvoy {
  @ApiProperty({ example: 'CVY-2020-0317' }) convoyId!: string;
  @ApiProperty({ type: 'integer', example: 5, description: 'devices found on this escort' }) found!: number;
  @ApiProperty({ type: 'integer', example: 5, description: 'of them, neutralised before going off' }) cleared!: number;
  @ApiProperty({ type: 'integer', example: 0 }) detonated!: number;
  @ApiProperty({ type: 'integer', example: 0 }) pending!: number;
  @ApiProperty({ type: 'integer', example: 0 }) casualties!: number;
  @ApiProperty({ type: [String], example: ['Convoy escort company 3'] }) units!: string[];
  @ApiProperty({ format: 'date-time' }) firstDetectedAt!: string;
  @ApiProperty({ format: 'date-time' }) lastDetectedAt!: string;
}

export class IedSummaryDto implements IedSummary {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) from!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) to!: string | null;
  @ApiProperty({ type: IedCountsDto }) totals!: IedCountsDto;
  @ApiProperty({ type: [IedMonthDto], description: 'per month, all axes together, oldest first' }) byMonth!: IedMonthDto[];
  @ApiProperty({ type: [IedMonthAxisDto], description: 'per month and axis (or cercle, for reports naming no axis)' }) byMonthAndAxis!: IedMonthAxisDto[];
  @ApiProperty({ type: [IedConvoyDto], description: 'per convoy escort, most devices cleared first' }) convoys!: IedConvoyDto[];
}
