import { Module, type DynamicModule } from '@nestjs/common';
import { ReadSideHealthModule } from '../health/read-side-health.module';
import { feedForBus } from './feeds/feed-for-bus';
import { ProjectorService } from './projector.service';

/** Event stream → read models. Needs the InfrastructureModule; the bus decides the feed. */
@Module({})
export class ProjectorModule {
  static forRoot(bus: 'inprocess' | 'kafka'): DynamicModule {
    return { module: ProjectorModule, imports: [ReadSideHealthModule], providers: [feedForBus(bus), ProjectorService] };
  }
}
