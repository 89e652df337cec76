import { Command, CommandRunner } from 'nest-commander';
import { callerRedactor } from '@poc/privacy';
import { CliInfrastructure } from '../shared/cli-infrastructure';
import { CliError } from '../shared/cli-error';
import { renderTimeline } from './render-timeline';

/** `history <streamId>`: one stream's story as a readable timeline. */
@Command({ name: 'history', arguments: '<streamId>', description: "a stream's events as a timeline (type, both times, actor, changed fields)" })
export class HistoryCommand extends CommandRunner {
  constructor(private readonly infra: CliInfrastructure) {
    super();
  }

  async run([streamId]: string[]): Promise<void> {
    if (!/^[a-z]+-[A-Za-z0-9_-]+$/.test(streamId ?? '')) throw new CliError(`"${streamId}" is not a stream id such as alert-<id>`);
    const { eventStore, callerKeys } = await this.infra.get();
    const redact = callerRedactor(callerKeys);
    const events = await Promise.all((await eventStore.readStream(streamId!)).map(redact));
    if (events.length === 0) throw new CliError(`stream ${streamId} has no events`);
    process.stdout.write(renderTimeline(events));
  }
}
