import { alertStreamId, auditStreamId } from '@poc/domain';
import { EventLog, ProjectionSpecification } from '@poc/projections/testing';
import { auditProjection, type AuditEntryView } from './audit.projection';
import { auditQuery } from './audit.queries';

const spec = ProjectionSpecification.for(auditProjection);
const readAt = '2020-03-01T09:15:00.000Z';
const erasedAt = '2020-03-02T10:00:00.000Z';

const read = (log: EventLog, alertId = 'a1') => log.record(auditStreamId(readAt), 'CallerDetailsRead', { alertId, readAt }, { occurredAt: readAt });
const erase = (log: EventLog, alertId = 'a1') => log.record(alertStreamId(alertId), 'CallerErased', { alertId, keyId: 'k-1', erasedAt }, { occurredAt: erasedAt });

describe('audit projection', () => {
  it('CallerDetailsRead: one entry saying who read which alert when', () => {
    const log = new EventLog();
    const event = read(log);
    const entry: AuditEntryView = { entryId: event.id, type: 'CallerDetailsRead', alertId: 'a1', actor: 'tester', role: 'ops', at: readAt, position: event.position };
    spec.given([]).when(event).then({ [event.id]: entry });
  });

  it('CallerErased (from the alert stream): its own entry, without the key id', () => {
    const log = new EventLog();
    const first = read(log);
    const erased = erase(log);
    spec
      .given([first])
      .when(erased)
      .then({
        [erased.id]: { entryId: erased.id, type: 'CallerErased', alertId: 'a1', actor: 'tester', role: 'ops', at: erasedAt, position: erased.position },
      });
  });

  it('two reads of the same alert are two entries', () => {
    const log = new EventLog();
    const [a, b] = [read(log), read(log)];
    spec
      .given([a])
      .when(b)
      .then((docs) => expect([...docs.values()].map((d) => [d.entryId, d.alertId])).toEqual([[a.id, 'a1'], [b.id, 'a1']]));
  });

  it('queries newest first within the period', () =>
    expect(auditQuery({ from: '2020-03-01T00:00:00.000Z', to: '2020-03-01T23:59:59.999Z' }, { limit: 10, offset: 0 })).toEqual({
      where: [
        { column: 'at', op: '>=', value: '2020-03-01T00:00:00.000Z' },
        { column: 'at', op: '<=', value: '2020-03-01T23:59:59.999Z' },
      ],
      orderBy: [
        { column: 'at', desc: true },
        { column: 'position', desc: true },
      ],
      limit: 10,
      offset: 0,
    }));
});
