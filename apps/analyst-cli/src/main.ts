import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { AnalystCliModule } from './analyst-cli.module';
import { CliError } from './shared/cli-error';
import { ConfigError } from '@poc/platform/config';

/** Errors an analyst can act on print as one line; anything else is a bug and keeps its stack. */
const fail = (error: unknown): never => {
  const known = error instanceof CliError || error instanceof ConfigError;
  const code = (error as { code?: string })?.code;
  if (known) console.error(`error: ${(error as Error).message}`);
  else if (typeof code === 'string' && code.startsWith('commander.')) process.exit((error as { exitCode?: number }).exitCode ?? 1);
  else console.error(error);
  process.exit(1);
};

// `… | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

const main = async (): Promise<void> => {
  const app = await CommandFactory.createWithoutRunning(AnalystCliModule, { logger: ['error'], errorHandler: fail, serviceErrorHandler: fail });
  await CommandFactory.runApplication(app);
  await app.close();
};

main().catch(fail);
