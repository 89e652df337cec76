import type { Command } from '../shared/domain-event';
import type { IedEvent } from './ied.events';
import type { IedState } from './ied.state';
import { resolveIed, type IedOutcome } from './resolve-ied';

export type NeutralizeIed = Command<'NeutralizeIed', IedOutcome>;

export const neutralizeIed = ({ data, context }: NeutralizeIed, state: IedState): IedEvent[] =>
  resolveIed('IedNeutralized', data, state, context.now);
