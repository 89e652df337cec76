import type { BaseView } from '../bases/bases.projection';
import { basesProjection } from '../bases/bases.projection';
import { incidentsProjection, type IncidentView } from '../incidents/incidents.projection';
import { EventLog, foldInBatches } from '@poc/projections/testing';
import { baseSpeed, tobSpeed } from './tob-speed';

const JULY = { from: '2019-07-01T00:00:00.000Z', to: '2019-07-31T23:59:59.999Z' };

const readModels = (log: EventLog) => {
  const models = foldInBatches([basesProjection, incidentsProjection], log.events);
  return {
    bases: [...models.get('bases')!.values()] as BaseView[],
    incidents: [...models.get('incidents')!.values()] as IncidentView[],
  };
};

describe('TOB speed', () => {
  /**
   * By hand (July 2019):
   *   b1 up 07-03 06:00, trigger i1 07-02 00:00                → 30 h
   *   b2 up 07-10 12:00, trigger i2 07-07 12:00                → 72 h
   *   b3 up 07-12 00:00, trigger i3 reported 07-11 06:00, corrected to 12:00 → 12 h
   *   b4 no trigger; b5 trigger unknown; b6 trigger retracted; b7 trigger after the base
   *   b8 up 07-20 00:00, trigger i8 07-18 00:00                → exactly 48 h: not under 48
   *   b9 up in August                                          → outside the range
   * bases 8, withTrigger 4 ([12, 30, 48, 72]), median (30 + 48) / 2 = 39, under48h 2, share 0.5.
   */
  const scenario = () => {
    const log = new EventLog();
    const incident = (id: string, occurredAt: string) => log.incidentReported(id, {}, { occurredAt });
    incident('i1', '2019-07-02T00:00:00.000Z');
    log.baseEstablished('b1', { establishedAt: '2019-07-03T06:00:00.000Z', triggerIncidentId: 'i1', name: 'TOB Ogossagou' });
    incident('i2', '2019-07-07T12:00:00.000Z');
    log.baseEstablished('b2', { establishedAt: '2019-07-10T12:00:00.000Z', triggerIncidentId: 'i2' });
    incident('i3', '2019-07-11T06:00:00.000Z');
    log.incidentCorrected('i3', { occurredAt: '2019-07-11T12:00:00.000Z' });
    log.baseEstablished('b3', { establishedAt: '2019-07-12T00:00:00.000Z', triggerIncidentId: 'i3' });
    log.baseEstablished('b4', { establishedAt: '2019-07-13T00:00:00.000Z' });
    log.baseEstablished('b5', { establishedAt: '2019-07-14T00:00:00.000Z', triggerIncidentId: 'i99' });
    incident('i6', '2019-07-14T00:00:00.000Z');
    log.incidentRetracted('i6', 'duplicate of i2', '2019-07-15T00:00:00.000Z');
    log.baseEstablished('b6', { establishedAt: '2019-07-15T00:00:00.000Z', triggerIncidentId: 'i6' });
    incident('i7', '2019-07-17T00:00:00.000Z');
    log.baseEstablished('b7', { establishedAt: '2019-07-16T00:00:00.000Z', triggerIncidentId: 'i7' });
    incident('i8', '2019-07-18T00:00:00.000Z');
    log.baseEstablished('b8', { establishedAt: '2019-07-20T00:00:00.000Z', triggerIncidentId: 'i8' });
    incident('i9', '2019-07-31T00:00:00.000Z');
    log.baseEstablished('b9', { establishedAt: '2019-08-01T06:00:00.000Z', triggerIncidentId: 'i9' });
    return log;
  };

  it('summarises the bases of the range, by hand', () => {
    const { bases, incidents } = readModels(scenario());
    const speed = tobSpeed(bases, incidents, JULY);
    expect({ ...speed, perBase: undefined }).toEqual({
      bases: 8,
      withTrigger: 4,
      medianHours: 39,
      under48h: 2,
      shareUnder48h: 0.5,
      from: JULY.from,
      to: JULY.to,
      perBase: undefined,
    });
  });

  it('lists every base of the range in establishment order, with its hours or why it has none', () => {
    const { bases, incidents } = readModels(scenario());
    const { perBase } = tobSpeed(bases, incidents, JULY);
    expect(perBase.map((b) => [b.baseId, b.hours, b.excludedBecause])).toEqual([
      ['b1', 30, undefined],
      ['b2', 72, undefined],
      ['b3', 12, undefined],
      ['b4', null, 'no-trigger'],
      ['b5', null, 'trigger-unknown'],
      ['b6', null, 'trigger-retracted'],
      ['b7', null, 'trigger-after-establishment'],
      ['b8', 48, undefined],
    ]);
    expect(perBase[0]).toEqual({
      baseId: 'b1',
      name: 'TOB Ogossagou',
      establishedAt: '2019-07-03T06:00:00.000Z',
      triggerIncidentId: 'i1',
      triggerOccurredAt: '2019-07-02T00:00:00.000Z',
      hours: 30,
    });
    expect(perBase[3]).toMatchObject({ triggerIncidentId: null, triggerOccurredAt: null });
  });

  it('takes every base when no range is given', () => {
    const { bases, incidents } = readModels(scenario());
    // b9: 07-31 00:00 → 08-01 06:00 = 30 h. Hours [12, 30, 30, 48, 72]: median 30, 3 under 48.
    expect(tobSpeed(bases, incidents)).toMatchObject({ bases: 9, withTrigger: 5, medianHours: 30, under48h: 3, shareUnder48h: 0.6, from: null, to: null });
  });

  it('answers null median and share when no base has a usable trigger', () => {
    const log = new EventLog();
    log.baseEstablished('b1', { establishedAt: '2019-07-03T06:00:00.000Z' });
    const { bases, incidents } = readModels(log);
    expect(tobSpeed(bases, incidents, JULY)).toEqual({
      bases: 1,
      withTrigger: 0,
      medianHours: null,
      under48h: 0,
      shareUnder48h: null,
      from: JULY.from,
      to: JULY.to,
      perBase: [{ baseId: 'b1', establishedAt: '2019-07-03T06:00:00.000Z', triggerIncidentId: null, triggerOccurredAt: null, hours: null, excludedBecause: 'no-trigger' }],
    });
    expect(tobSpeed([], [], {})).toMatchObject({ bases: 0, withTrigger: 0, medianHours: null, shareUnder48h: null, perBase: [] });
  });

  it('counts fractional hours exactly', () => {
    const base = { baseId: 'b', status: 'open', establishedAt: '2019-07-03T06:30:00.000Z', triggerIncidentId: 'i' } as BaseView;
    const incidents = new Map([['i', { occurredAt: '2019-07-01T06:15:00.000Z', status: 'active' as const }]]);
    expect(baseSpeed(base, incidents).hours).toBe(48.25);
  });
});
