import { Module } from '@nestjs/common';
import { ExportCommand } from './export/export.command';
import { HistoryCommand } from './history/history.command';
import { CliInfrastructure } from './shared/cli-infrastructure';
import { StatsCommand } from './stats/stats.command';

/** Analysts' tools over either store (EVENT_STORE=sqlite|postgres, as the apps). */
@Module({ providers: [CliInfrastructure, HistoryCommand, StatsCommand, ExportCommand] })
export class AnalystCliModule {}
