import { alertsProjection, type AlertView } from '../alerts/alerts.projection';
import { flightsProjection, type FlightView } from '../flights/flights.projection';
import { EventLog, foldInBatches } from '@poc/projections/testing';
import { executedResponses, isActionable, responseRate } from './response-rate';

const MARCH = { from: '2020-03-01T00:00:00.000Z', to: '2020-03-31T23:59:59.999Z' };
const t = (hhmm: string, day = '2020-03-10') => `${day}T${hhmm}:00.000Z`;

/** Folds the events through the real projections, as the read side would hold them. */
const readModels = (log: EventLog) => {
  const models = foldInBatches([alertsProjection, flightsProjection], log.events);
  return {
    alerts: [...models.get('alerts')!.values()] as AlertView[],
    flights: [...models.get('flights')!.values()] as FlightView[],
  };
};

describe('response rate', () => {
  /**
   * By hand:
   *   a1 08:00, flight 08:30 completed                     → responded, 30 min
   *   a2 10:00, flight 10:45 aborted, patrol 12:00         → responded (the patrol), 120 min
   *   a3 12:00, flight 12:20 aborted only                  → actionable, not responded
   *   a4 14:00, closed unfounded, flight 14:10             → not actionable
   *   a5 06:00, still open, no response                    → actionable, not responded
   *   a6 09:00, patrol under way since 08:00, flight 09:20 → responded, 0 min (not −60)
   *   a7 received in February, flight                      → outside the range
   *   a8 known only through a flight (no AlertReceived)    → left out
   *   a9 15:00, closed attack-occurred, flight 18:00 not yet in the flights read model → 180 min
   * actionable 6 (a1 a2 a3 a5 a6 a9), responded 4, rate 4/6;
   * minutes [0, 30, 120, 180]: median (30 + 120) / 2 = 75; p90 = ⌈0.9·4⌉ = 4th = 180.
   */
  const scenario = () => {
    const log = new EventLog();
    log.alertReceived('a1', { receivedAt: t('08:00') });
    log.flightDispatched('f1', { dispatchedAt: t('08:30'), alertIds: ['a1'] });
    log.flightCompleted('f1', { completedAt: t('10:00'), outcome: 'dispersal-observed' });

    log.alertReceived('a2', { receivedAt: t('10:00') });
    log.flightDispatched('f2', { dispatchedAt: t('10:45'), alertIds: ['a2'] });
    log.flightAborted('f2', t('11:00'));
    log.patrolDeployed('p2', { startedAt: t('12:00'), alertIds: ['a2'] });

    log.alertReceived('a3', { receivedAt: t('12:00') });
    log.flightDispatched('f3', { dispatchedAt: t('12:20'), alertIds: ['a3'] });
    log.flightAborted('f3', t('12:40'));

    log.alertReceived('a4', { receivedAt: t('14:00') });
    log.flightDispatched('f4', { dispatchedAt: t('14:10'), alertIds: ['a4'] });
    log.alertClosed('a4', { outcome: 'unfounded', closedAt: t('16:00') });

    log.alertReceived('a5', { receivedAt: t('06:00') });

    log.patrolDeployed('p6', { startedAt: t('08:00'), alertIds: ['a6'] });
    log.alertReceived('a6', { receivedAt: t('09:00') });
    log.flightDispatched('f6', { dispatchedAt: t('09:20'), alertIds: ['a6'] });

    log.alertReceived('a7', { receivedAt: t('08:00', '2020-02-28') });
    log.flightDispatched('f7', { dispatchedAt: t('08:10', '2020-02-28'), alertIds: ['a7'] });

    log.flightDispatched('f8', { dispatchedAt: t('07:00'), alertIds: ['a8'] });

    log.alertReceived('a9', { receivedAt: t('15:00') });
    log.alertClosed('a9', { outcome: 'attack-occurred', closedAt: t('20:00') });
    const f9 = log.flightDispatched('f9', { dispatchedAt: t('18:00'), alertIds: ['a9'] });
    return { log, f9 };
  };

  it('counts actionable and responded alerts and the times to response, by hand', () => {
    const { log } = scenario();
    const { alerts, flights } = readModels(log);
    const withoutF9 = flights.filter((f) => f.flightId !== 'f9');
    expect(responseRate(alerts, withoutF9, MARCH)).toEqual({
      actionable: 6,
      responded: 4,
      rate: 4 / 6,
      medianMinutesToResponse: 75,
      p90MinutesToResponse: 180,
      from: MARCH.from,
      to: MARCH.to,
    });
  });

  it('leaves the range open when none is given (a7 then counts: 10 min)', () => {
    const { log } = scenario();
    const { alerts, flights } = readModels(log);
    // minutes [0, 10, 30, 120, 180]: median 30; p90 = ⌈0.9·5⌉ = 5th = 180.
    expect(responseRate(alerts, flights)).toEqual({
      actionable: 7,
      responded: 5,
      rate: 5 / 7,
      medianMinutesToResponse: 30,
      p90MinutesToResponse: 180,
      from: null,
      to: null,
    });
  });

  it('an abort recorded later takes a flight out of the responses', () => {
    const { log, f9 } = scenario();
    log.flightAborted(f9.data.flightId, t('18:30'));
    const { alerts, flights } = readModels(log);
    // a9 is now actionable without a response: minutes [0, 30, 120] → median 30, p90 = 3rd = 120.
    expect(responseRate(alerts, flights, MARCH)).toMatchObject({
      actionable: 6,
      responded: 3,
      rate: 0.5,
      medianMinutesToResponse: 30,
      p90MinutesToResponse: 120,
    });
  });

  it('answers a null rate and null times when nothing was actionable', () => {
    const log = new EventLog();
    log.alertReceived('a1', { receivedAt: t('08:00') });
    log.alertClosed('a1', { outcome: 'unfounded', closedAt: t('09:00') });
    const { alerts, flights } = readModels(log);
    expect(responseRate(alerts, flights, MARCH)).toEqual({
      actionable: 0,
      responded: 0,
      rate: null,
      medianMinutesToResponse: null,
      p90MinutesToResponse: null,
      from: MARCH.from,
      to: MARCH.to,
    });
    expect(responseRate([], [], {})).toMatchObject({ actionable: 0, rate: null });
  });

  it('answers rate 0 and null times when alerts were actionable but none answered', () => {
    const log = new EventLog();
    log.alertReceived('a1', { receivedAt: t('08:00') });
    log.alertReceived('a2', { receivedAt: t('09:00') });
    const { alerts, flights } = readModels(log);
    expect(responseRate(alerts, flights, MARCH)).toMatchObject({ actionable: 2, responded: 0, rate: 0, medianMinutesToResponse: null, p90MinutesToResponse: null });
  });

  it('takes the p90 by nearest rank over ten responses', () => {
    const log = new EventLog();
    // Responses after 10, 20, …, 100 minutes: median (50 + 60) / 2 = 55; p90 = 9th = 90.
    for (let i = 1; i <= 10; i++) {
      log.alertReceived(`a${i}`, { receivedAt: t('08:00') });
      log.flightDispatched(`f${i}`, { dispatchedAt: new Date(Date.parse(t('08:00')) + i * 10 * 60_000).toISOString(), alertIds: [`a${i}`] });
    }
    const { alerts, flights } = readModels(log);
    expect(responseRate(alerts, flights, MARCH)).toMatchObject({ actionable: 10, responded: 10, rate: 1, medianMinutesToResponse: 55, p90MinutesToResponse: 90 });
  });

  it('counts the range bounds as inclusive', () => {
    const log = new EventLog();
    log.alertReceived('first', { receivedAt: MARCH.from });
    log.alertReceived('last', { receivedAt: MARCH.to });
    log.alertReceived('after', { receivedAt: '2020-04-01T00:00:00.000Z' });
    const { alerts, flights } = readModels(log);
    expect(responseRate(alerts, flights, MARCH).actionable).toBe(2);
  });

  describe('helpers', () => {
    const view = (extra: Partial<AlertView>): AlertView => ({ alertId: 'a', status: 'open', receivedAt: t('08:00'), responses: [], ...extra });

    it('isActionable: every received alert but those closed as unfounded', () => {
      expect(isActionable(view({}))).toBe(true);
      expect(isActionable(view({ status: 'closed', closed: { outcome: 'attack-occurred', closedAt: t('09:00') } }))).toBe(true);
      expect(isActionable(view({ status: 'closed', closed: { outcome: 'other', closedAt: t('09:00') } }))).toBe(true);
      expect(isActionable(view({ status: 'closed', closed: { outcome: 'unfounded', closedAt: t('09:00') } }))).toBe(false);
      expect(isActionable({ alertId: 'a', responses: [] })).toBe(false);
    });

    it('executedResponses: patrols, and flights not aborted', () => {
      const alert = view({
        responses: [
          { kind: 'flight', id: 'f1', at: t('08:10') },
          { kind: 'flight', id: 'f2', at: t('08:20') },
          { kind: 'patrol', id: 'p1', at: t('08:30') },
          { kind: 'flight', id: 'f3', at: t('08:40') },
        ],
      });
      const flights = new Map([
        ['f1', { status: 'aborted' as const }],
        ['f2', { status: 'completed' as const }],
      ]);
      expect(executedResponses(alert, flights).map((r) => r.id)).toEqual(['f2', 'p1', 'f3']);
    });
  });
});
