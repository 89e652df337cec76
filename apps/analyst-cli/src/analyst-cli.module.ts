import { Module } from '@nestjs/common';
import { ExportCommand } from './export/export.command';
import { ForgetCallerCommand } from './forget-caller/forget-caller.command';
import { HistoryCommand } from './history/history.command';
import { RebuildCommand } from './rebuild/rebuild.command';
import { ReplayCommand } from './replay/replay.command';
import { ReportCommand } from './report/report.command';
import { CliInfrastructure } from './shared/cli-infrastructure';
import { StatsCommand } from './stats/stats.command';

/** Analysts' tools over either store (EVENT_STORE=sqlite|postgres, as the apps). */
@Module({ providers: [CliInfrastructure, HistoryCommand, StatsCommand, ExportCommand, RebuildCommand, ReplayCommand, ForgetCallerCommand, ReportCommand] })
export class AnalystCliModule {}
