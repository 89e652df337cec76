import { Module, type DynamicModule } from '@nestjs/common';
import { KafkaProjectorService } from './kafka-projector.service';
import { ProjectorService } from './projector.service';
import { ReadSideHealthModule } from '@poc/platform/health';

/** Event stream → read models. Needs the InfrastructureModule; the bus decides the source. */
@Module({})
export class ProjectorModule {
  static forRoot(bus: 'inprocess' | 'kafka'): DynamicModule {
    return { module: ProjectorModule, imports: [ReadSideHealthModule], providers: [bus === 'kafka' ? KafkaProjectorService : ProjectorService] };
  }
}
