import type { StoredEvent } from '@poc/domain';
import { parseEndTime } from '../shared/cli-error';
import { keepsEvent, renderSummary } from './replay';

const event = (occurredAt: string, recordedAt: string) => ({ occurredAt, recordedAt }) as StoredEvent;

describe('which events a replay keeps', () => {
  const late = event('2020-03-06T04:00:00Z', '2020-03-20T09:00:00.000Z');

  it('--until: what had happened by then, whenever it was recorded', () => {
    expect(keepsEvent({ until: '2020-03-06T23:59:59.999Z' })(late)).toBe(true);
    expect(keepsEvent({ until: '2020-03-05T23:59:59.999Z' })(late)).toBe(false);
  });

  it('--as-known-at: only what had been recorded by then', () => {
    expect(keepsEvent({ until: '2020-03-10T00:00:00.000Z', asKnownAt: '2020-03-10T00:00:00.000Z' })(late)).toBe(false);
    expect(keepsEvent({ asKnownAt: '2020-03-20T09:00:00Z' })(late)).toBe(true);
  });

  it('compares instants, not strings: 09:00:00Z is 09:00:00.000Z', () => {
    expect(keepsEvent({ asKnownAt: '2020-03-20T09:00:00Z' })(event('2020-03-01T00:00:00Z', '2020-03-20T09:00:00.000Z'))).toBe(true);
  });

  it('a day as a bound means the whole of that day', () => {
    expect(parseEndTime('2020-03-15', '--until')).toBe('2020-03-15T23:59:59.999Z');
    expect(parseEndTime('2020-03-15T06:00:00Z', '--until')).toBe('2020-03-15T06:00:00.000Z');
    expect(() => parseEndTime('15/03/2020', '--until')).toThrow('--until must be a date (2020-03-01) or a UTC time (2020-03-01T06:00:00Z), not "15/03/2020"');
  });
});

describe('the replay summary', () => {
  it('says where it cut, counts per projection (by status where there is one) and incidents per day', () => {
    const text = renderSummary({
      cut: { until: '2020-03-15T23:59:59.999Z', asKnownAt: '2020-03-20T23:59:59.999Z' },
      read: 459,
      kept: 250,
      lastPosition: 459,
      documents: [
        { projection: 'alerts', count: 11, byStatus: { closed: 10, received: 1 } },
        { projection: 'retaliation-verdicts', count: 0 },
      ],
      incidentsPerDay: [
        { day: '2020-03-01', count: 3 },
        { day: '2020-03-02', count: 4 },
      ],
    });
    expect(text).toBe(
      [
        'read models as they stood',
        '  until        2020-03-15T23:59:59.999Z  (events that had occurred by then)',
        '  as known at  2020-03-20T23:59:59.999Z  (events recorded by then)',
        '  from 250 of the 459 events up to position 459',
        '',
        'documents per projection:',
        '  alerts                         11   (10 closed, 1 received)',
        '  retaliation-verdicts            0',
        '',
        'incidents per day (active, by the UTC day they occurred):',
        '  2020-03-01                      3',
        '  2020-03-02                      4',
        '  total                           7',
        '',
      ].join('\n'),
    );
  });
});
