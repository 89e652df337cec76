import { Module } from '@nestjs/common';
import { ProjectorService } from './projector.service';

/** Event stream → read models. Needs the InfrastructureModule. */
@Module({ providers: [ProjectorService] })
export class ProjectorModule {}
