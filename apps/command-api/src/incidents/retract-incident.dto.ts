import { IsShortText } from '../shared/validators';

export class RetractIncidentDto {
  @IsShortText(1000, 'duplicate of the radio report of 14 Feb', false) reason!: string;
}
