import { Command, CommandRunner } from 'nest-commander';
import { userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@poc/domain';
import { forgetCaller } from '@poc/privacy';
import { CliError } from '../shared/cli-error';
import { CliInfrastructure } from '../shared/cli-infrastructure';

/**
 * `forget-caller <alertId>`: deletes the caller's key, as DELETE /alerts/{id}/caller does.
 * Run by whoever holds the database credentials, so the event records the OS user as actor
 * with the admin role: the CLI bypasses API keys, not the audit trail.
 */
@Command({ name: 'forget-caller', arguments: '<alertId>', description: "erase an alert's caller for good (every alert from the same number): deletes their key" })
export class ForgetCallerCommand extends CommandRunner {
  constructor(private readonly infra: CliInfrastructure) {
    super();
  }

  async run([alertId]: string[]): Promise<void> {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(alertId ?? '')) throw new CliError(`"${alertId}" is not an alert id`);
    const { eventStore, callerKeys } = await this.infra.get();
    const metadata = { actor: `cli:${userInfo().username}`, role: 'admin' as const, correlationId: randomUUID() };
    try {
      const result = await forgetCaller({ eventStore, keys: callerKeys, metadata, now: () => new Date().toISOString() }, alertId!);
      process.stdout.write(`caller erased on ${result.alertIds.length} alert(s): ${result.alertIds.join(', ')} (position ${result.position})\n`);
    } catch (error) {
      if (error instanceof DomainError) throw new CliError(error.message);
      throw error;
    }
  }
}
