import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { LinkAlertToIncident } from '@poc/domain';

/** The body of POST /alerts/{id}/link-incident: the command's data, the alert from the path. */
export class LinkAlertToIncidentDto implements Omit<LinkAlertToIncident['data'], 'alertId'> {
  @ApiProperty({ format: 'uuid', example: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', description: 'the incident the alert warned of (or that became its outcome)' })
  @IsUUID('all')
  incidentId!: string;
}
