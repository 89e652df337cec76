import { Controller, Get, Headers, Inject, Logger, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { type EventStore, EVENT_STORE } from '@poc/event-store';
import { ToInt } from '../shared/query-params';
import { pumpLiveFeed } from './live-feed';
import { LiveStreams } from './live-streams.service';
import { Roles } from '@poc/platform/auth';
import { API_CSP, InvalidRequest } from '@poc/platform/http';

const MAX_POSITION = Number.MAX_SAFE_INTEGER;

export class LiveQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_POSITION, description: 'start after this global position (Last-Event-ID wins); the current head by default' })
  @IsOptional() @ToInt() @IsInt() @Min(0) @Max(MAX_POSITION)
  after?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'false: send what is stored after the start and end the response' })
  @IsOptional() @IsIn(['true', 'false'])
  follow?: 'true' | 'false';
}

const lastEventIdOf = (header: string | undefined): number | undefined => {
  if (header === undefined) return undefined;
  const position = /^\d{1,16}$/.test(header) ? Number(header) : NaN;
  if (!Number.isSafeInteger(position)) {
    throw new InvalidRequest([{ field: 'Last-Event-ID', problems: ['Last-Event-ID must be a global position, an integer of 0 or more'] }]);
  }
  return position;
};

const csp = Object.entries(API_CSP).map(([directive, values]) => `${directive} ${values.join(' ')}`).join('; ');

/**
 * Hijacked replies skip Fastify's hooks, so the API's security headers are written here.
 * Connection: close, so that a stream ended at shutdown takes its socket with it.
 */
const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
  connection: 'close',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': csp,
};

/** The event store's global log as it grows, for the operations centre's live map. */
@ApiTags('live')
@ApiBearerAuth()
@Controller('live')
@Roles('ops', 'analyst')
export class LiveController {
  private readonly logger = new Logger(LiveController.name);

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly streams: LiveStreams,
  ) {}

  @Get()
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'resume after this position (what the last message carried as id)' })
  @ApiOkResponse({
    description: 'one message per stored event: `id: <position>`, `event: <type>`, `data: {"position","type","streamId","recordedAt"}` — nothing of the event\'s data; `: keep-alive` every 15 s when quiet',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async live(@Query() query: LiveQuery, @Headers('last-event-id') lastEventId: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const after = lastEventIdOf(lastEventId) ?? query.after ?? (await this.events.lastPosition());
    const follow = query.follow !== 'false';
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, SSE_HEADERS);
    // Now, not with the first event: a client waits for the headers to know it is connected.
    res.flushHeaders();
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    await this.streams.run(async (signal) => {
      try {
        await pumpLiveFeed(this.events, res, signal, { after, follow });
      } catch (error) {
        this.logger.warn(`live feed ended by a store error: ${(error as Error).message}`);
      }
    }, abort);
  }
}
