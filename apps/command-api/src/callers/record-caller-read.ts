import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { auditDecider, auditStreamId } from '@poc/domain';
import type { EventStore } from '@poc/event-store';
import type { WriteContext } from '@poc/platform/http';

const logger = new Logger('audit');

/**
 * Appends CallerDetailsRead (which alert, when; who in the metadata) to the day's audit
 * stream, before the details are sent. A read of personal data that cannot be recorded is
 * refused (503) rather than served unrecorded: the audit trail is the caller's only
 * assurance that whoever saw their number can be named, and a store that refuses the
 * append is one the operator should retry against, not route around.
 */
export const recordCallerRead = async (events: EventStore, alertId: string, who: WriteContext, now: string): Promise<void> => {
  const recorded = auditDecider.decide({ type: 'RecordCallerRead', data: { alertId }, context: { now } }, auditDecider.initialState());
  const metadata = { actor: who.actor, role: who.role, correlationId: who.correlationId };
  try {
    // Any version: entries do not depend on each other, so two reads at once both append.
    await events.append(auditStreamId(now), recorded.map((event) => ({ ...event, metadata })), { expectedVersion: 'any' });
  } catch (error) {
    logger.error({ msg: 'caller read not recorded: refused', alertId, actor: who.actor, error: error instanceof Error ? error.message : String(error) });
    throw new ServiceUnavailableException('the read could not be recorded in the audit trail: try again');
  }
};
