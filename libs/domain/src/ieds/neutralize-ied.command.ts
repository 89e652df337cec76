import type { Command } from '../shared/domain-event';
import type { IedDetonated, IedNeutralized } from './ied.events';
import type { IedState } from './ied.state';
import { resolveIed, type IedOutcome } from './resolve-ied';

export type NeutralizeIed = Command<'NeutralizeIed', IedOutcome>;
export type RecordIedDetonation = Command<'RecordIedDetonation', IedOutcome>;

export const neutralizeIed = ({ data, context }: NeutralizeIed, state: IedState): (IedNeutralized | IedDetonated)[] =>
  resolveIed('IedNeutralized', data, state, context.now);

export const recordIedDetonation = ({ data, context }: RecordIedDetonation, state: IedState): (IedNeutralized | IedDetonated)[] =>
  resolveIed('IedDetonated', data, state, context.now);
