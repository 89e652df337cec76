import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AreaViewDto, LocationViewDto, TIME } from '../shared/view.dto';

class PassDto {
  @ApiProperty(TIME) from!: string;
  @ApiProperty(TIME) to!: string;
}

export class FlightViewDto {
  @ApiProperty() flightId!: string;
  @ApiProperty({ enum: ['dispatched', 'completed', 'aborted'] }) status!: string;
  @ApiProperty(TIME) dispatchedAt!: string;
  @ApiProperty({ type: AreaViewDto }) target!: AreaViewDto;
  @ApiProperty({ type: [String] }) alertIds!: string[];
  @ApiPropertyOptional() aircraft?: string;
  @ApiPropertyOptional() unit?: string;
  @ApiProperty({ type: [PassDto], description: 'time over target' }) passes!: PassDto[];
  @ApiPropertyOptional(TIME) completedAt?: string;
  @ApiPropertyOptional({ example: 'dispersal-observed' }) outcome?: string;
}

export class BaseViewDto {
  @ApiProperty() baseId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty(TIME) establishedAt!: string;
  @ApiPropertyOptional(TIME) closedAt?: string;
  @ApiProperty({ type: LocationViewDto }) location!: LocationViewDto;
  @ApiPropertyOptional() triggerIncidentId?: string;
}

export class IedViewDto {
  @ApiProperty() iedId!: string;
  @ApiProperty({ enum: ['detected', 'neutralized', 'detonated'] }) status!: string;
  @ApiProperty(TIME) detectedAt!: string;
  @ApiProperty({ type: LocationViewDto }) location!: LocationViewDto;
  @ApiPropertyOptional() unit?: string;
  @ApiPropertyOptional() convoyId?: string;
  @ApiPropertyOptional() method?: string;
  @ApiPropertyOptional(TIME) resolvedAt?: string;
  @ApiPropertyOptional({ type: 'integer' }) casualties?: number;
}
