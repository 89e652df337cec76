import type { Decider } from '../shared/domain-event';
import type { AuditEvent } from './audit.events';
import { evolveAudit, initialAuditState, type AuditState } from './audit.state';
import { recordCallerRead, type RecordCallerRead } from './record-caller-read.command';

export type AuditCommand = RecordCallerRead;

/**
 * One audit stream per UTC day (`audit-2020-03-01`): appended with any expected version, as
 * no entry depends on another, and short enough to read back whole for a day's review.
 */
export const auditStreamId = (at: string): string => `audit-${at.slice(0, 10)}`;

export const auditDecider: Decider<AuditState, AuditCommand, AuditEvent> = {
  initialState: initialAuditState,
  evolve: evolveAudit,
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordCallerRead':
        return recordCallerRead(command, state);
    }
  },
};
