import { DeciderSpecification } from '@poc/domain/testing';
import type { CallerDetailsRead } from './audit.events';
import { auditDecider, auditStreamId } from './audit.decider';

const now = '2020-03-01T09:15:00.000Z';
const spec = DeciderSpecification.for(auditDecider);
const read = (alertId = 'a1') => ({ type: 'RecordCallerRead', context: { now }, data: { alertId } }) as const;
const recorded = (alertId = 'a1'): CallerDetailsRead => ({ type: 'CallerDetailsRead', occurredAt: now, data: { alertId, readAt: now } });

describe('audit decider', () => {
  it('names one stream per UTC day', () => expect(auditStreamId(now)).toBe('audit-2020-03-01'));

  describe('RecordCallerRead', () => {
    it('records which alert was read and when, and nothing of what was seen', () => spec.given([]).when(read()).then([recorded()]));

    it('records a second read of the same alert the same day: every read counts', () =>
      spec.given([recorded()]).when(read()).then([recorded()]));

    it('refuses an empty alert id', () => spec.given([]).when(read(' ')).thenThrows('invalid', /alertId/));
  });
});
