import { BadRequestException, Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { StoredEvent } from '@poc/domain';
import { type EventStore, EVENT_STORE } from '@poc/event-store';
import { callerRedactor, type CallerKeyStore, CALLER_KEYS } from '@poc/privacy';
import { StoredEventDto } from './stored-event.dto';
import { Roles } from '@poc/platform/auth';

const STREAM_ID = /^(alert|flight|flighthours|patrol|base|ied|incident|retaliation|judicialcase|return|delivery|evaluation|caveat)-[A-Za-z0-9_-]{1,64}$/;

@ApiTags('streams')
@ApiBearerAuth()
@Controller('streams')
@Roles('ops', 'analyst')
export class StreamQueriesController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CALLER_KEYS) private readonly callerKeys: CallerKeyStore,
  ) {}

  /**
   * A stream's events, oldest first, straight from the store (the source of truth), with a
   * sealed caller shown only by its status (protected, erased, withheld).
   */
  @Get(':streamId')
  @ApiOkResponse({ type: StoredEventDto, isArray: true })
  @ApiParam({ name: 'streamId', schema: { type: 'string', pattern: STREAM_ID.source }, example: 'alert-6f1c2a8e-3b0d-4c55-9a11-2f4f8c7e9d10' })
  async stream(@Param('streamId') streamId: string): Promise<readonly StoredEvent[]> {
    if (!STREAM_ID.test(streamId)) throw new BadRequestException('streamId must be <category>-<id>, category one of alert, flight, flighthours, patrol, base, ied, incident, retaliation, judicialcase, return, delivery, evaluation, caveat');
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw new NotFoundException(`stream ${streamId} not found`);
    return Promise.all(events.map(callerRedactor(this.callerKeys)));
  }
}
