import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ACTOR_TYPES, type ActorType, type IncidentActor } from '@poc/domain';
import { IsShortText } from '../shared/validators';

/** A perpetrator or target: the type always, a name when known. */
export class IncidentActorDto implements IncidentActor {
  @IsShortText(120, 'Dan Na Ambassagou', true) name?: string;

  @ApiProperty({ enum: ACTOR_TYPES, example: 'communal-militia', description: 'ACLED inter code mapping: docs/analysts.md' })
  @IsIn(ACTOR_TYPES)
  type!: ActorType;
}
