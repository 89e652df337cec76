/**
 * The ingestion ceiling (bench only): the same Nest-on-Fastify app as the command API —
 * runHttpApp, so the same createHttpApp, InfrastructureModule (API-key guard, per-key rate
 * limiter, nestjs-pino request logging, helmet headers) and validation pipe — answering
 * POST /alerts with the same ReceiveAlertDto and WriteContext, but storing nothing. What
 * the real route costs beyond this is the command: decide, seal, append (fsync), answer.
 */
import { Body, Controller, Module, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ReceiveAlertDto } from '../../../apps/command-api/src/alerts/receive-alert.dto';
import { AlertsRateLimit, Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';
import { exitOnFailure, runHttpApp } from '@poc/platform/wiring';

@Controller('alerts')
class NoStoreAlertsController {
  @Post()
  @Roles('operator', 'ops')
  @AlertsRateLimit()
  receive(@Body() body: ReceiveAlertDto, @Write() write: WriteContext) {
    // Touch what the real handler reads, so neither is optimised away.
    const alertId = randomUUID();
    return { id: alertId, streamId: `alert-${alertId}`, version: 1, position: body.channel.length + write.requestHash.length };
  }
}

@Module({ controllers: [NoStoreAlertsController] })
class IngestCeilingModule {}

runHttpApp('ingest ceiling (bench only, stores nothing)', () => [IngestCeilingModule]).catch(exitOnFailure);
