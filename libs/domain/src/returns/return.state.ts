import type { ReturnEvent } from './returns.events';

/** A return is one fact; the state only says whether its stream holds it yet. */
export type ReturnState = Readonly<{ recorded: boolean }>;

export const initialReturnState = (): ReturnState => ({ recorded: false });

export const evolveReturn = (_state: ReturnState, _event: ReturnEvent): ReturnState => ({ recorded: true });
