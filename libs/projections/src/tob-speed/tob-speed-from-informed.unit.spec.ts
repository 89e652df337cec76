import { alertStreamId, type AlertLinkedToIncident } from '@poc/domain';
import { EventLog, foldInBatches } from '@poc/projections/testing';
import { alertsProjection, type AlertView } from '../alerts/alerts.projection';
import { basesProjection, type BaseView } from '../bases/bases.projection';
import { incidentsProjection, type IncidentView } from '../incidents/incidents.projection';
import { tobSpeedFromInformed } from './tob-speed-from-informed';

const JULY = { from: '2019-07-01T00:00:00.000Z', to: '2019-07-31T23:59:59.999Z' };

const link = (log: EventLog, alertId: string, incidentId: string) =>
  log.record<'AlertLinkedToIncident', AlertLinkedToIncident['data']>(alertStreamId(alertId), 'AlertLinkedToIncident', { alertId, incidentId, linkedAt: '2019-08-15T00:00:00.000Z' }, { occurredAt: '2019-08-15T00:00:00.000Z' });

const readModels = (log: EventLog) => {
  const models = foldInBatches([basesProjection, incidentsProjection, alertsProjection], log.events);
  return {
    bases: [...models.get('bases')!.values()] as BaseView[],
    incidents: [...models.get('incidents')!.values()] as IncidentView[],
    alerts: [...models.get('alerts')!.values()] as AlertView[],
  };
};

describe('TOB speed from when the mission was informed', () => {
  /**
   * By hand (July 2019):
   *   b1 up 07-03 06:00; i1 occurred 07-02 00:00, reported (recorded) 07-02 12:00; no alert  → report, 18 h (from attack 30 h)
   *   b2 up 07-05 00:00; i2 occurred 07-03 00:00, recorded 07-04 00:00; alert a2 received 07-03 02:00 → alert a2, 46 h
   *      a2w received 07-02 20:00, before the attack: a warning, not the news      → listed as warning
   *   b3 up 07-10 00:00; i3 occurred 07-08 00:00, recorded 07-08 00:00; informed 07-08 00:00 → exactly 48 h: within
   *   b4 up 07-12 00:00; i4 occurred 07-09 00:00, recorded 07-09 06:00              → 66 h
   *   b5 no trigger; b6 trigger unknown; b7 trigger retracted
   *   b8 up 07-20 00:00; i8 occurred 07-19 00:00, recorded 07-25 00:00 (back-filled) → informed after establishment
   *   b9 established in August                                                     → outside the range
   * bases 8; timed [18, 46, 48, 66] → withInformed 4, median 47, within48h 3 (b1, b2, b3), share 0.75.
   */
  const scenario = () => {
    const log = new EventLog();
    const incident = (id: string, occurredAt: string, recordedAt: string) => log.incidentReported(id, {}, { occurredAt, recordedAt });
    incident('i1', '2019-07-02T00:00:00.000Z', '2019-07-02T12:00:00.000Z');
    log.baseEstablished('b1', { establishedAt: '2019-07-03T06:00:00.000Z', triggerIncidentId: 'i1', name: 'TOB Ogossagou' });
    log.alertReceived('a2w', { receivedAt: '2019-07-02T20:00:00.000Z' });
    link(log, 'a2w', 'i2');
    log.alertReceived('a2', { receivedAt: '2019-07-03T02:00:00.000Z' });
    incident('i2', '2019-07-03T00:00:00.000Z', '2019-07-04T00:00:00.000Z');
    link(log, 'a2', 'i2');
    log.baseEstablished('b2', { establishedAt: '2019-07-05T00:00:00.000Z', triggerIncidentId: 'i2' });
    incident('i3', '2019-07-08T00:00:00.000Z', '2019-07-08T00:00:00.000Z');
    log.baseEstablished('b3', { establishedAt: '2019-07-10T00:00:00.000Z', triggerIncidentId: 'i3' });
    incident('i4', '2019-07-09T00:00:00.000Z', '2019-07-09T06:00:00.000Z');
    log.baseEstablished('b4', { establishedAt: '2019-07-12T00:00:00.000Z', triggerIncidentId: 'i4' });
    log.baseEstablished('b5', { establishedAt: '2019-07-13T00:00:00.000Z' });
    log.baseEstablished('b6', { establishedAt: '2019-07-14T00:00:00.000Z', triggerIncidentId: 'i99' });
    incident('i7', '2019-07-14T00:00:00.000Z', '2019-07-14T01:00:00.000Z');
    log.incidentRetracted('i7', 'duplicate', '2019-07-15T00:00:00.000Z');
    log.baseEstablished('b7', { establishedAt: '2019-07-15T00:00:00.000Z', triggerIncidentId: 'i7' });
    log.baseEstablished('b8', { establishedAt: '2019-07-20T00:00:00.000Z', triggerIncidentId: 'i8' });
    incident('i8', '2019-07-19T00:00:00.000Z', '2019-07-25T00:00:00.000Z');
    incident('i9', '2019-07-31T00:00:00.000Z', '2019-07-31T00:00:00.000Z');
    log.baseEstablished('b9', { establishedAt: '2019-08-01T06:00:00.000Z', triggerIncidentId: 'i9' });
    return log;
  };

  it('summarises the bases of the range, by hand, with the bases within 48 h', () => {
    const { bases, incidents, alerts } = readModels(scenario());
    const { perBase, ...summary } = tobSpeedFromInformed(bases, incidents, alerts, JULY);
    expect(summary).toEqual({ bases: 8, withInformed: 4, medianHours: 47, within48h: 3, shareWithin48h: 0.75, within48hBaseIds: ['b1', 'b2', 'b3'], from: JULY.from, to: JULY.to });
    expect(perBase).toHaveLength(8);
  });

  it('says per base what informed the mission, the hours from it and from the attack, or why it has none', () => {
    const { bases, incidents, alerts } = readModels(scenario());
    const { perBase } = tobSpeedFromInformed(bases, incidents, alerts, JULY);
    expect(perBase.map((b) => [b.baseId, b.informedBy, b.informedAt, b.hours, b.hoursFromAttack, b.excludedBecause])).toEqual([
      ['b1', 'report', '2019-07-02T12:00:00.000Z', 18, 30, undefined],
      ['b2', 'alert', '2019-07-03T02:00:00.000Z', 46, 48, undefined],
      ['b3', 'report', '2019-07-08T00:00:00.000Z', 48, 48, undefined],
      ['b4', 'report', '2019-07-09T06:00:00.000Z', 66, 72, undefined],
      ['b5', null, null, null, null, 'no-trigger'],
      ['b6', null, null, null, null, 'trigger-unknown'],
      ['b7', null, null, null, null, 'trigger-retracted'],
      ['b8', 'report', '2019-07-25T00:00:00.000Z', null, 24, 'informed-after-establishment'],
    ]);
    expect(perBase[1]).toEqual({
      baseId: 'b2',
      establishedAt: '2019-07-05T00:00:00.000Z',
      triggerIncidentId: 'i2',
      triggerOccurredAt: '2019-07-03T00:00:00.000Z',
      informedAt: '2019-07-03T02:00:00.000Z',
      informedBy: 'alert',
      informedByAlertId: 'a2',
      warningAlertIds: ['a2w'],
      hours: 46,
      hoursFromAttack: 48,
    });
    expect(perBase[0]).toMatchObject({ name: 'TOB Ogossagou', warningAlertIds: [] });
    expect(perBase[0]).not.toHaveProperty('informedByAlertId');
  });

  it('takes the report when it came before any alert, and never starts the clock before the attack', () => {
    const log = new EventLog();
    log.incidentReported('i1', {}, { occurredAt: '2019-07-02T00:00:00.000Z', recordedAt: '2019-07-02T01:00:00.000Z' });
    log.alertReceived('late', { receivedAt: '2019-07-02T03:00:00.000Z' });
    link(log, 'late', 'i1');
    log.baseEstablished('b1', { establishedAt: '2019-07-03T00:00:00.000Z', triggerIncidentId: 'i1' });
    // A report whose attack time was later corrected past its recording: the clock starts at the attack.
    log.incidentReported('i2', {}, { occurredAt: '2019-07-05T00:00:00.000Z', recordedAt: '2019-07-05T00:00:00.000Z' });
    log.incidentCorrected('i2', { occurredAt: '2019-07-05T06:00:00.000Z' });
    log.baseEstablished('b2', { establishedAt: '2019-07-06T06:00:00.000Z', triggerIncidentId: 'i2' });
    const { bases, incidents, alerts } = readModels(log);
    const { perBase } = tobSpeedFromInformed(bases, incidents, alerts, JULY);
    expect(perBase.map((b) => [b.informedBy, b.informedAt, b.hours])).toEqual([
      ['report', '2019-07-02T01:00:00.000Z', 23],
      ['report', '2019-07-05T06:00:00.000Z', 24],
    ]);
  });

  it('takes every base without a range; null median and share when no base has a time', () => {
    const { bases, incidents, alerts } = readModels(scenario());
    // b9: i9 recorded 07-31 00:00 → 08-01 06:00 = 30 h. Timed [18, 30, 46, 48, 66]: median 46, 4 within.
    expect(tobSpeedFromInformed(bases, incidents, alerts)).toMatchObject({ bases: 9, withInformed: 5, medianHours: 46, within48h: 4, shareWithin48h: 0.8, from: null, to: null });
    expect(tobSpeedFromInformed([], [], [], JULY)).toEqual({ bases: 0, withInformed: 0, medianHours: null, within48h: 0, shareWithin48h: null, within48hBaseIds: [], from: JULY.from, to: JULY.to, perBase: [] });
  });
});
