import { PartialType } from '@nestjs/swagger';
import { ReportIncidentDto } from './report-incident.dto';

/**
 * Only the fields being corrected; the decider refuses an empty correction. `null` is not
 * "no correction": it is refused like any other wrong type (skipNullProperties).
 */
export class CorrectIncidentDto extends PartialType(ReportIncidentDto, { skipNullProperties: false }) {}
