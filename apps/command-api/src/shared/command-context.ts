import type { CommandContext } from '@poc/domain';

/** The server clock, read once per command at the edge so deciders stay pure. */
export const commandContext = (): CommandContext => ({ now: new Date().toISOString() });
