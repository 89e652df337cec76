import { alertsQuery, alertsReceivedQuery } from './alerts.queries';

describe('alertsQuery', () => {
  it('given no status, then every received alert: a document only a response has reached has none', () => {
    expect(alertsQuery({})).toEqual({ where: [{ column: 'status', op: 'not-null', value: null }] });
  });

  it('given a status, a receipt range, a cercle and a priority, then each narrows, in that order', () => {
    expect(alertsQuery({ status: 'triaged', receivedFrom: 'a', receivedTo: 'b', cercle: 'Bankass', priority: 'flash' })).toEqual({
      where: [
        { column: 'status', op: '=', value: 'triaged' },
        { column: 'received_at', op: '>=', value: 'a' },
        { column: 'received_at', op: '<=', value: 'b' },
        { column: 'cercle', op: '=', value: 'Bankass' },
        { column: 'priority', op: '=', value: 'flash' },
      ],
    });
  });

  it('given the latest-first order and a page, then sorted by receipt time descending, paged as given', () => {
    expect(alertsQuery({ receivedFrom: 'a' }, { order: 'latest-received-first', limit: 100, offset: 0 })).toEqual({
      where: [{ column: 'status', op: 'not-null', value: null }, { column: 'received_at', op: '>=', value: 'a' }],
      orderBy: [{ column: 'received_at', desc: true }],
      limit: 100,
      offset: 0,
    });
  });
});

describe('alertsReceivedQuery', () => {
  it('keeps the alerts with a receipt time, in the range when one is given, whatever their status', () => {
    expect(alertsReceivedQuery({})).toEqual({ where: [{ column: 'received_at', op: 'not-null' }] });
    expect(alertsReceivedQuery({ to: 'b' })).toEqual({ where: [{ column: 'received_at', op: 'not-null' }, { column: 'received_at', op: '<=', value: 'b' }] });
  });
});
