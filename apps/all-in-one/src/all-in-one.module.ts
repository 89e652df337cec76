import { Module, type DynamicModule } from '@nestjs/common';
import { CommandApiModule } from '../../command-api/src/command-api.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { QueryApiModule } from '../../query-api/src/query-api.module';
import { InfrastructureModule, type ApiKeyRegistry, type AppConfig, type Infrastructure } from '@poc/platform';

/** The embedded default: write side, projector and read side in one process. */
@Module({})
export class AllInOneModule {
  static create(config: AppConfig, infra: Infrastructure, keys: ApiKeyRegistry): DynamicModule {
    return {
      module: AllInOneModule,
      imports: [InfrastructureModule.forRoot(config, infra, keys), CommandApiModule, QueryApiModule, ProjectorModule],
    };
  }
}
