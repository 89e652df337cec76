import { Controller, Delete, Get, GoneException, HttpCode, Inject, Logger, NotFoundException, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { alertStreamId, type AlertReceivedData } from '@poc/domain';
import { type EventStore, EVENT_STORE } from '@poc/event-store';
import { forgetCaller, type CallerKeyStore, type CallerVault, CALLER_KEYS, CALLER_VAULT } from '@poc/privacy';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { CallerDetailsDto, ForgetCallerResultDto } from './caller.dto';
import { recordCallerRead } from './record-caller-read';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

/**
 * The only way back to a caller's name and number, and the way to lose them for good. Both
 * read the alert's own events (never a read model, which holds no caller) and are audited
 * with who asked, never with what they saw: a read appends CallerDetailsRead to the day's
 * audit stream, a forget records CallerErased on each alert (GET /audit lists both).
 */
@ApiTags('callers')
@ApiBearerAuth()
@Controller('alerts/:id/caller')
export class CallersController {
  private readonly logger = new Logger('callers');

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CALLER_VAULT) private readonly vault: CallerVault,
    @Inject(CALLER_KEYS) private readonly keys: CallerKeyStore,
  ) {}

  @Get()
  @ApiIdParam()
  @Roles('ops')
  @ApiOkResponse({ type: CallerDetailsDto, description: "the caller's name and phone, while their key exists" })
  @ApiNotFoundResponse({ description: 'no such alert, or it has no caller' })
  @ApiGoneResponse({ description: 'the caller was erased (forget-caller), or recorded before encryption' })
  @ApiServiceUnavailableResponse({ description: 'the read could not be recorded in the audit trail, so the details are not sent' })
  async show(@Param('id', IdPipe) alertId: string, @Write() who: WriteContext): Promise<CallerDetailsDto> {
    const received = (await this.events.readStream(alertStreamId(alertId))).find((e) => e.type === 'AlertReceived');
    if (!received) throw new NotFoundException(`alert ${alertId} does not exist`);
    const caller = (received.data as AlertReceivedData).caller;
    if (!caller) throw new NotFoundException(`alert ${alertId} has no caller`);
    if (!caller.sealed) throw new GoneException(`alert ${alertId}'s caller was recorded before encryption and is withheld`);
    const opened = await this.vault.open(alertId, caller);
    this.logger.log({ msg: 'caller viewed', alertId, actor: who.actor, role: who.role, erased: opened === 'erased' });
    if (opened === 'erased') throw new GoneException(`alert ${alertId}'s caller was erased`);
    await recordCallerRead(this.events, alertId, who, new Date().toISOString());
    return { alertId, ...opened };
  }

  @Delete()
  @ApiIdParam()
  @HttpCode(200)
  @Roles()
  @ApiOkResponse({ type: ForgetCallerResultDto, description: "the caller's key is deleted: every copy of their details is unreadable" })
  @ApiNotFoundResponse({ description: 'no such alert, or it has no caller' })
  async forget(@Param('id', IdPipe) alertId: string, @Write() who: WriteContext): Promise<ForgetCallerResultDto> {
    const metadata = { actor: who.actor, role: who.role, correlationId: who.correlationId };
    const result = await forgetCaller({ eventStore: this.events, keys: this.keys, metadata, now: () => new Date().toISOString() }, alertId);
    this.logger.log({ msg: 'caller forgotten', alertId, alerts: result.alertIds.length, actor: who.actor });
    return { alertIds: [...result.alertIds], position: result.position };
  }
}
