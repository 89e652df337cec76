import { Module } from '@nestjs/common';
import { RelayController } from './relay.controller';
import { RelayService } from './relay.service';

/** The outbox relay: events table → Kafka. Needs EVENT_STORE=postgres and BUS=kafka. */
@Module({ controllers: [RelayController], providers: [RelayService] })
export class RelayModule {}
