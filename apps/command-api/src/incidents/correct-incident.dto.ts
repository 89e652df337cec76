import { PartialType } from '@nestjs/swagger';
import { ReportIncidentDto } from './report-incident.dto';

/** Only the fields being corrected; the decider refuses an empty correction. */
export class CorrectIncidentDto extends PartialType(ReportIncidentDto) {}
