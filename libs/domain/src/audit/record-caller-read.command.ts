import type { Command } from '../shared/domain-event';
import { invalid } from '../shared/domain-error';
import type { CallerDetailsRead } from './audit.events';
import type { AuditState } from './audit.state';

export type RecordCallerRead = Command<'RecordCallerRead', Readonly<{ alertId: string }>>;

/** Every read is recorded, however many came before: an audit log refuses nothing it is told. */
export const recordCallerRead = ({ data, context }: RecordCallerRead, _state: AuditState): [CallerDetailsRead] => {
  if (data.alertId.trim() === '') throw invalid('alertId must not be empty', 'alertId');
  return [{ type: 'CallerDetailsRead', occurredAt: context.now, data: { alertId: data.alertId, readAt: context.now } }];
};
