import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { CliError } from './cli-error';
import { loadConfig, type AppConfig } from '@poc/platform/config';
import { openInfrastructure, type Infrastructure } from '@poc/platform/wiring';

export const CLI_INFRA = Symbol('CLI_INFRA');

/** Opens the configured stores once, lazily, and turns "cannot connect" into one clear line. */
export const openCliInfrastructure = async (config: AppConfig = loadConfig()): Promise<Infrastructure> => {
  try {
    // A rebuild writes read models from this thread: let it checkpoint the WAL as it goes.
    return await openInfrastructure({ ...config, BUS: 'inprocess' }, { mainThreadCheckpoints: true });
  } catch (error) {
    const where = config.EVENT_STORE === 'postgres' ? `PostgreSQL at ${new URL(config.DATABASE_URL!).host}` : `SQLite in ${config.DATA_DIR}`;
    throw new CliError(`cannot open the event store (${where}): ${error instanceof Error ? error.message : String(error)}`);
  }
};

@Injectable()
export class CliInfrastructure implements OnApplicationShutdown {
  private opened?: Promise<Infrastructure>;
  private loaded?: AppConfig;

  /** The same environment as the apps: EVENT_STORE, DATA_DIR, DATABASE_URL. */
  config(): AppConfig {
    this.loaded ??= loadConfig();
    return this.loaded;
  }

  get(): Promise<Infrastructure> {
    this.opened ??= openCliInfrastructure(this.config());
    return this.opened;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.opened) await (await this.opened.catch(() => undefined))?.close();
  }
}

export const InjectCli = () => Inject(CliInfrastructure);
