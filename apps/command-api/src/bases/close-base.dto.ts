import { IsUtcTime } from '../shared/validators';

export class CloseBaseDto {
  @IsUtcTime('2020-03-20T08:00:00Z', 'when the base was lifted') closedAt!: string;
}
