import type { StoredEvent } from '@poc/domain';
import { ProjectionSpecification, EventLog, PLACES, at } from '@poc/projections/testing';
import { cellToParent } from 'h3-js';
import { asKnownAt, INCIDENT_COARSE_RESOLUTION, incidentsProjection, isVerified, type IncidentView } from './incidents.projection';

const spec = ProjectionSpecification.for(incidentsProjection);

const occurredAt = '2020-03-06T23:30:00.000Z';
const recordedAt = '2020-03-20T09:00:00.000Z';
const location = at(PLACES.ogossagou, { place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' });

const reported = (log: EventLog) =>
  log.incidentReported(
    'i1',
    {
      location,
      kind: 'attack-on-civilians',
      fatalities: 3,
      injured: 5,
      targetsCivilians: true,
      source: 'civilian',
      timePrecision: 1,
      description: 'village attacked at night',
      reportingUnit: 'BANBAT-1',
    },
    { occurredAt, recordedAt },
  );

const reportedView: IncidentView = {
  incidentId: 'i1',
  status: 'active',
  occurredAt,
  recordedAt,
  location,
  kind: 'attack-on-civilians',
  fatalities: 3,
  injured: 5,
  targetsCivilians: true,
  source: 'civilian',
  timePrecision: 1,
  description: 'village attacked at night',
  reportingUnit: 'BANBAT-1',
  corrections: 0,
};

describe('incidents projection', () => {
  it('IncidentReported: the world time and the recording time come from the envelope', () => {
    const log = new EventLog();
    spec.given([]).when(reported(log)).then({ i1: reportedView });
  });

  it('IncidentReported: columns bucket by UTC day and carry both precisions', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(reported(log))
      .thenColumns({
        i1: {
          status: 'active',
          occurred_at: occurredAt,
          occurred_day: '2020-03-06',
          recorded_at: recordedAt,
          kind: 'attack-on-civilians',
          cercle: 'Bankass',
          region: 'Mopti',
          h3: location.h3,
          h3_5: cellToParent(location.h3, INCIDENT_COARSE_RESOLUTION),
          geo_precision: 1,
          time_precision: 1,
          targets_civilians: 1,
          lat: location.lat,
          lon: location.lon,
          reporting_unit: 'BANBAT-1',
          history: 0,
        },
      });
  });

  describe('IncidentCorrected', () => {
    const moved = at(PLACES.bankass, { place: 'Bankass', cercle: 'Bankass', region: 'Mopti', precision: 2 });

    it('moves occurredAt and location, and counts the correction', () => {
      const log = new EventLog();
      const history = [reported(log)];
      spec
        .given(history)
        .when(log.incidentCorrected('i1', { occurredAt: '2020-03-05T22:00:00.000Z', location: moved }, { occurredAt: '2020-03-21T08:00:00.000Z' }))
        .then({
          i1: { ...reportedView, occurredAt: '2020-03-05T22:00:00.000Z', location: moved, corrections: 1, superseded: [{ until: expect.any(String), view: reportedView }] },
        });
    });

    it('keeps the recording time of the first report', () => {
      const log = new EventLog();
      spec
        .given([reported(log)])
        .when(log.incidentCorrected('i1', { fatalities: 4 }, { occurredAt: '2020-03-21T08:00:00.000Z', recordedAt: '2020-03-21T08:00:00.000Z' }))
        .then((docs) => {
          expect(docs.get('i1')!.recordedAt).toBe(recordedAt);
          expect(docs.get('i1')!.fatalities).toBe(4);
        });
    });

    it('successive corrections add up, the last word on a field wins', () => {
      const log = new EventLog();
      const history = [reported(log), log.incidentCorrected('i1', { fatalities: 4, occurredAt: '2020-03-05T22:00:00.000Z' })];
      spec
        .given(history)
        .when(log.incidentCorrected('i1', { fatalities: 2, kind: 'abduction' }))
        .then({
          i1: {
            ...reportedView,
            occurredAt: '2020-03-05T22:00:00.000Z',
            fatalities: 2,
            kind: 'abduction',
            corrections: 2,
            superseded: [
              { until: expect.any(String), view: reportedView },
              { until: expect.any(String), view: { ...reportedView, occurredAt: '2020-03-05T22:00:00.000Z', fatalities: 4, corrections: 1 } },
            ],
          },
        });
    });

    it('the day and cell columns follow the correction', () => {
      const log = new EventLog();
      spec
        .given([reported(log)])
        .when(log.incidentCorrected('i1', { occurredAt: '2020-03-05T22:00:00.000Z', location: moved }))
        .then((docs) => {
          const columns = incidentsProjection.columnsOf(docs.get('i1')!);
          expect(columns).toMatchObject({ occurred_day: '2020-03-05', occurred_at: '2020-03-05T22:00:00.000Z', h3: moved.h3, geo_precision: 2 });
          expect(moved.h3).not.toBe(location.h3);
        });
    });

    it('a correction of an unknown incident creates nothing', () => {
      const log = new EventLog();
      spec.given([]).when(log.incidentCorrected('i9', { fatalities: 1 })).then({ i9: undefined });
    });
  });

  describe('IncidentRetracted', () => {
    it('keeps the incident, marked retracted with the reason', () => {
      const log = new EventLog();
      spec
        .given([reported(log)])
        .when(log.incidentRetracted('i1', 'duplicate of i0', '2020-03-22T10:00:00.000Z'))
        .then({
          i1: {
            ...reportedView,
            status: 'retracted',
            retraction: { reason: 'duplicate of i0', retractedAt: '2020-03-22T10:00:00.000Z' },
            superseded: [{ until: expect.any(String), view: reportedView }],
          },
        });
    });

    it('after corrections, keeps them', () => {
      const log = new EventLog();
      spec
        .given([reported(log), log.incidentCorrected('i1', { injured: 7 })])
        .when(log.incidentRetracted('i1'))
        .then((docs) => expect(docs.get('i1')).toMatchObject({ status: 'retracted', injured: 7, corrections: 1 }));
    });

    it('the status column says retracted, so queries can leave it out', () => {
      const log = new EventLog();
      spec
        .given([reported(log)])
        .when(log.incidentRetracted('i1'))
        .then((docs) => expect(incidentsProjection.columnsOf(docs.get('i1')!).status).toBe('retracted'));
    });

    it('a retraction of an unknown incident creates nothing', () => {
      const log = new EventLog();
      spec.given([]).when(log.incidentRetracted('i9')).then({ i9: undefined });
    });
  });

  describe('IncidentVerificationRecorded', () => {
    const verifiedAt = '2020-03-23T10:00:00.000Z';

    it('shows the status, who recorded it (the metadata actor), how and when', () => {
      const log = new EventLog();
      spec
        .given([reported(log)])
        .when(log.incidentVerificationRecorded('i1', { method: 'imagery', note: 'burnt huts on the 03-08 image', at: verifiedAt }))
        .then({
          i1: {
            ...reportedView,
            verification: { status: 'verified', by: 'tester', method: 'imagery', note: 'burnt huts on the 03-08 image', at: verifiedAt },
            superseded: [{ until: expect.any(String), view: reportedView }],
          },
        });
    });

    it('the latest status wins; the history column counts it, so the engine reads the document', () => {
      const log = new EventLog();
      spec
        .given([reported(log), log.incidentVerificationRecorded('i1', { at: verifiedAt })])
        .when(log.incidentVerificationRecorded('i1', { status: 'disputed', method: 'independent-source', at: '2020-03-24T10:00:00.000Z' }))
        .then((docs) => {
          const doc = docs.get('i1')!;
          expect(doc.verification).toEqual({ status: 'disputed', by: 'tester', method: 'independent-source', at: '2020-03-24T10:00:00.000Z' });
          expect(isVerified(doc)).toBe(false);
          expect(incidentsProjection.columnsOf(doc).history).toBe(2);
        });
    });

    it('absent is unverified', () => {
      const log = new EventLog();
      spec.given([]).when(reported(log)).then((docs) => expect(isVerified(docs.get('i1')!)).toBe(false));
    });

    it('a verification of an unknown incident creates nothing', () => {
      const log = new EventLog();
      spec.given([]).when(log.incidentVerificationRecorded('i9')).then({ i9: undefined });
    });
  });

  describe('actors', () => {
    it('shows the perpetrator and target reported, and their corrections', () => {
      const log = new EventLog();
      const perpetrator = { name: 'Dan Na Ambassagou', type: 'communal-militia' } as const;
      spec
        .given([log.incidentReported('i1', { perpetrator, target: { type: 'civilians' } }, { occurredAt })])
        .when(log.incidentCorrected('i1', { perpetrator: { type: 'unidentified-armed-men' } }))
        .then((docs) => {
          expect(docs.get('i1')).toMatchObject({ perpetrator: { type: 'unidentified-armed-men' }, target: { type: 'civilians' } });
          expect(docs.get('i1')!.superseded![0].view.perpetrator).toEqual(perpetrator);
        });
    });
  });

  it('the targets_civilians column is 0 for an attack on the force', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(log.incidentReported('i2', { targetsCivilians: false, kind: 'clash' }, { occurredAt }))
      .then((docs) => expect(incidentsProjection.columnsOf(docs.get('i2')!).targets_civilians).toBe(0));
  });
});

describe('incidents as known at a date (asKnownAt)', () => {
  const fold = (events: StoredEvent[]) =>
    events.reduce<IncidentView | undefined>((doc, e) => incidentsProjection.evolve(doc, e, 'i1'), undefined)!;

  it('gives the version recorded by then: not yet reported, as first reported, as corrected', () => {
    const log = new EventLog();
    const view = fold([
      reported(log),
      log.incidentCorrected('i1', { fatalities: 9, occurredAt: '2020-03-02T10:00:00.000Z' }, { recordedAt: '2020-03-25T08:00:00.000Z' }),
    ]);
    expect(asKnownAt(view, '2020-03-19T00:00:00.000Z')).toBeUndefined();
    expect(asKnownAt(view, '2020-03-22T00:00:00.000Z')).toMatchObject({ fatalities: 3, occurredAt, corrections: 0 });
    expect(asKnownAt(view, '2020-03-26T00:00:00.000Z')).toMatchObject({ fatalities: 9, occurredAt: '2020-03-02T10:00:00.000Z', corrections: 1 });
  });

  it('still counts a retracted incident as active before the retraction was recorded', () => {
    const log = new EventLog();
    const retraction = log.incidentRetracted('i1', 'duplicate', '2020-03-28T00:00:00.000Z');
    const view = fold([reported(log), { ...retraction, recordedAt: '2020-03-28T00:00:00.000Z' }]);
    expect(asKnownAt(view, '2020-03-27T00:00:00.000Z')?.status).toBe('active');
    expect(asKnownAt(view, '2020-03-29T00:00:00.000Z')?.status).toBe('retracted');
  });

  it('an as-of query before a verification sees the incident unverified, after it verified', () => {
    const log = new EventLog();
    const verification = { ...log.incidentVerificationRecorded('i1', { at: '2020-03-24T00:00:00.000Z' }), recordedAt: '2020-03-24T00:00:00.000Z' };
    const view = fold([reported(log), verification]);
    expect(isVerified(asKnownAt(view, '2020-03-23T00:00:00.000Z')!)).toBe(false);
    expect(asKnownAt(view, '2020-03-25T00:00:00.000Z')?.verification).toMatchObject({ status: 'verified', by: 'tester' });
  });
});
