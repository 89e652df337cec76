import type { AuditEvent } from './audit.events';

/** A day's audit stream only counts its entries: nothing in it decides what may be recorded next. */
export type AuditState = Readonly<{ entries: number }>;

export const initialAuditState = (): AuditState => ({ entries: 0 });

export const evolveAudit = (state: AuditState, _event: AuditEvent): AuditState => ({ entries: state.entries + 1 });
