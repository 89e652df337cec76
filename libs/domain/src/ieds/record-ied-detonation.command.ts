import type { Command } from '../shared/domain-event';
import type { IedEvent } from './ied.events';
import type { IedState } from './ied.state';
import { resolveIed, type IedOutcome } from './resolve-ied';

export type RecordIedDetonation = Command<'RecordIedDetonation', IedOutcome>;

export const recordIedDetonation = ({ data, context }: RecordIedDetonation, state: IedState): IedEvent[] =>
  resolveIed('IedDetonated', data, state, context.now);
