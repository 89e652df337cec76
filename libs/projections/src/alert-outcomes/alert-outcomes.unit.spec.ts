import { alertStreamId, type AlertLinkedToIncident } from '@poc/domain';
import { EventLog, foldInBatches } from '@poc/projections/testing';
import { alertsProjection, type AlertView } from '../alerts/alerts.projection';
import { alertOutcomes } from './alert-outcomes';

const MARCH = { from: '2020-03-01T00:00:00.000Z', to: '2020-03-31T23:59:59.999Z' };

const link = (log: EventLog, alertId: string, incidentId: string) =>
  log.record<'AlertLinkedToIncident', AlertLinkedToIncident['data']>(alertStreamId(alertId), 'AlertLinkedToIncident', { alertId, incidentId, linkedAt: '2020-04-02T00:00:00.000Z' }, { occurredAt: '2020-04-02T00:00:00.000Z' });

describe('alertOutcomes', () => {
  /**
   * By hand, March 2020, 5 alerts received:
   *   a1 closed attack-occurred, linked to i1    → came true
   *   a2 closed attack-prevented                 → did not
   *   a3 closed unfounded
   *   a4 open, linked to i1 (the same attack)    → came true
   *   a5 triaged, not closed
   *   a6 received in April (outside); f9 answered an alert whose receipt has not arrived (no alert yet)
   * → linked 2 (0.4, incident i1), attack-occurred 1 (0.2), prevented 1, unfounded 1, other 0,
   *   not closed 2 (0.4), came true 2 (0.4: a1, a4).
   */
  const docs = (): AlertView[] => {
    const log = new EventLog();
    const receive = (id: string, day: string) => log.alertReceived(id, { receivedAt: `2020-03-${day}T06:00:00.000Z` });
    receive('a1', '02');
    log.alertClosed('a1', { outcome: 'attack-occurred', closedAt: '2020-03-03T00:00:00.000Z' });
    link(log, 'a1', 'i1');
    receive('a2', '05');
    log.alertClosed('a2', { outcome: 'attack-prevented', closedAt: '2020-03-06T00:00:00.000Z' });
    receive('a3', '07');
    log.alertClosed('a3', { outcome: 'unfounded', closedAt: '2020-03-08T00:00:00.000Z' });
    receive('a4', '02');
    link(log, 'a4', 'i1');
    receive('a5', '20');
    log.alertTriaged('a5', { priority: 'routine', triagedAt: '2020-03-20T07:00:00.000Z' });
    log.alertReceived('a6', { receivedAt: '2020-04-01T00:00:00.000Z' });
    log.flightDispatched('f9', { alertIds: ['a-unknown'] });
    return [...foldInBatches([alertsProjection], log.events).get('alerts')!.values()] as AlertView[];
  };

  it('counts what became of the alerts of the range, with the shares and the ids', () => {
    expect(alertOutcomes(docs(), MARCH)).toEqual({
      from: MARCH.from,
      to: MARCH.to,
      received: 5,
      linkedToIncident: { alerts: 2, share: 0.4, alertIds: ['a1', 'a4'], incidentIds: ['i1'] },
      closedAs: [
        { outcome: 'attack-prevented', alerts: 1, share: 0.2, alertIds: ['a2'] },
        { outcome: 'attack-occurred', alerts: 1, share: 0.2, alertIds: ['a1'] },
        { outcome: 'unfounded', alerts: 1, share: 0.2, alertIds: ['a3'] },
        { outcome: 'other', alerts: 0, share: 0, alertIds: [] },
      ],
      notClosed: { alerts: 2, share: 0.4, alertIds: ['a4', 'a5'] },
      cameTrue: { alerts: 2, share: 0.4, alertIds: ['a1', 'a4'] },
    });
  });

  it('counts an alert closed as attack-occurred as come true even before it is linked', () => {
    const log = new EventLog();
    log.alertReceived('a1', { receivedAt: '2020-03-02T06:00:00.000Z' });
    log.alertClosed('a1', { outcome: 'attack-occurred', closedAt: '2020-03-03T00:00:00.000Z' });
    const views = [...foldInBatches([alertsProjection], log.events).get('alerts')!.values()] as AlertView[];
    expect(alertOutcomes(views, MARCH)).toMatchObject({ received: 1, linkedToIncident: { alerts: 0, share: 0 }, cameTrue: { alerts: 1, share: 1, alertIds: ['a1'] } });
  });

  it('takes every alert without a range, and answers null shares when none was received', () => {
    expect(alertOutcomes(docs())).toMatchObject({ from: null, to: null, received: 6 });
    expect(alertOutcomes([], MARCH)).toMatchObject({ received: 0, linkedToIncident: { alerts: 0, share: null, incidentIds: [] }, cameTrue: { alerts: 0, share: null } });
  });
});
