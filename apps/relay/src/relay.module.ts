import { Global, Module } from '@nestjs/common';
import { RelayController } from './relay.controller';
import { RelayService } from './relay.service';
import { HEALTH_LAG, type LagSource } from '@poc/platform/health';

/** The outbox relay: events table → Kafka. Needs EVENT_STORE=postgres and BUS=kafka. */
// Global so the platform's /health can see the relay's position.
@Global()
@Module({
  controllers: [RelayController],
  providers: [
    RelayService,
    {
      provide: HEALTH_LAG,
      useFactory: (relay: RelayService): LagSource => ({ name: 'relay', position: () => relay.status.position }),
      inject: [RelayService],
    },
  ],
  exports: [HEALTH_LAG],
})
export class RelayModule {}
