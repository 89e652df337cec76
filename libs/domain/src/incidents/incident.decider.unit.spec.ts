import { DeciderSpecification } from '@poc/domain/testing';
import { toLocation } from '../shared/location';
import type { IncidentCorrected, IncidentReported, IncidentRetracted, IncidentVerificationRecorded } from './incident.events';
import type { RecordVerification } from './record-verification.command';
import type { ReportIncident } from './report-incident.command';
import { incidentDecider, incidentStreamId } from './incident.decider';

const now = '2020-03-20T12:00:00.000Z';
const context = { now };
const incidentId = 'i1';
const spec = DeciderSpecification.for(incidentDecider);
// The attack 6 km from Ogossagou of DOMAIN.md's worked case: it happened on 03-06, reported on 03-20.
const occurredAt = '2020-03-06T04:00:00.000Z';
const ogossagou = { lat: 14.15, lon: -3.62, precision: 2, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' };
const dounaPen = { lat: 14.32, lon: -2.87, precision: 2, place: 'Douna Pen', cercle: 'Koro', region: 'Mopti' };

const report = (data: Partial<ReportIncident['data']> = {}): ReportIncident => ({
  type: 'ReportIncident',
  context,
  data: { incidentId, occurredAt, location: ogossagou, kind: 'attack-on-civilians', ...data },
});
const correct = (changes: Record<string, unknown>) =>
  ({ type: 'CorrectIncident', context, data: { incidentId, ...changes } }) as const;
const retract = (reason = 'duplicate of i0') => ({ type: 'RetractIncident', context, data: { incidentId, reason } }) as const;

const reported: IncidentReported = {
  type: 'IncidentReported',
  occurredAt,
  data: {
    ...{ incidentId, location: toLocation(ogossagou), kind: 'attack-on-civilians' },
    ...{ fatalities: 0, injured: 0, targetsCivilians: true, timePrecision: 1 },
  },
};
const retracted: IncidentRetracted = {
  type: 'IncidentRetracted',
  occurredAt: now,
  data: { incidentId, reason: 'duplicate of i0', retractedAt: now },
};

describe('incident decider', () => {
  it('names its stream incident-<id>', () => expect(incidentStreamId(incidentId)).toBe('incident-i1'));

  describe('ReportIncident', () => {
    it('records a late report at the time the incident happened, with defaults', () =>
      spec.given([]).when(report()).then([reported]));

    it('keeps every field given', () => {
      const full = { fatalities: 4, injured: 2, targetsCivilians: false, source: 'hotline', timePrecision: 2 } as const;
      const more = { description: 'village burnt', reportingUnit: 'BATT-3' };
      spec
        .given([])
        .when(report({ kind: 'clash', location: dounaPen, ...full, ...more }))
        .then([{ ...reported, data: { ...reported.data, kind: 'clash', location: toLocation(dounaPen), ...full, ...more } }]);
    });

    it('takes civilians as targets of an abduction but not of a clash', () => {
      const targets = (kind: 'abduction' | 'clash') =>
        (incidentDecider.decide(report({ kind }), incidentDecider.initialState())[0] as IncidentReported).data.targetsCivilians;
      expect(targets('abduction')).toBe(true);
      expect(targets('clash')).toBe(false);
    });

    it('refuses to report twice', () => spec.given([reported]).when(report()).thenThrows('conflict', /already reported/));

    it('refuses an occurredAt in the future beyond skew', () =>
      spec.given([]).when(report({ occurredAt: '2020-03-21T00:00:00.000Z' })).thenThrows('invalid', /occurredAt.*future/));

    it('refuses negative fatalities', () =>
      spec.given([]).when(report({ fatalities: -1 })).thenThrows('invalid', /fatalities/));

    it('refuses negative injured', () => spec.given([]).when(report({ injured: -3 })).thenThrows('invalid', /injured/));

    it('refuses a timePrecision outside 1..3', () => {
      spec.given([]).when(report({ timePrecision: 4 })).thenThrows('invalid', /timePrecision/);
      spec.given([]).when(report({ timePrecision: 0 })).thenThrows('invalid', /timePrecision/);
    });
  });

  describe('CorrectIncident', () => {
    it('records only the fields given, at the corrected time', () => {
      const fixed = '2020-03-05T22:00:00.000Z';
      const changes = { occurredAt: fixed, location: toLocation(dounaPen), fatalities: 7 };
      spec
        .given([reported])
        .when(correct({ occurredAt: fixed, location: dounaPen, fatalities: 7 }))
        .then([{ type: 'IncidentCorrected', occurredAt: fixed, data: { incidentId, changes } }]);
    });

    it('keeps the current time when occurredAt is not corrected', () => {
      const moved: IncidentCorrected = {
        type: 'IncidentCorrected',
        occurredAt: '2020-03-07T04:00:00.000Z',
        data: { incidentId, changes: { occurredAt: '2020-03-07T04:00:00.000Z' } },
      };
      spec
        .given([reported, moved])
        .when(correct({ injured: 1 }))
        .then([{ type: 'IncidentCorrected', occurredAt: moved.occurredAt, data: { incidentId, changes: { injured: 1 } } }]);
    });

    it('refuses an empty correction', () => spec.given([reported]).when(correct({})).thenThrows('invalid', /at least one/));

    it('refuses an unknown incident', () => spec.given([]).when(correct({ injured: 1 })).thenThrows('not-found', /incident i1/));

    it('refuses a retracted incident', () =>
      spec.given([reported, retracted]).when(correct({ injured: 1 })).thenThrows('conflict', /retracted/));

    it('refuses a corrected time in the future', () =>
      spec.given([reported]).when(correct({ occurredAt: '2020-03-22T00:00:00.000Z' })).thenThrows('invalid', /future/));

    it('refuses negative figures and a timePrecision outside 1..3', () => {
      spec.given([reported]).when(correct({ fatalities: -1 })).thenThrows('invalid', /fatalities/);
      spec.given([reported]).when(correct({ timePrecision: 5 })).thenThrows('invalid', /timePrecision/);
    });
  });

  describe('RetractIncident', () => {
    it('retracts a reported incident now, with its reason', () => spec.given([reported]).when(retract()).then([retracted]));

    it('refuses an unknown incident', () => spec.given([]).when(retract()).thenThrows('not-found', /incident i1/));

    it('refuses to retract twice', () =>
      spec.given([reported, retracted]).when(retract()).thenThrows('conflict', /already retracted/));

    it('refuses an empty reason', () => spec.given([reported]).when(retract('  ')).thenThrows('invalid', /reason/));
  });

  describe('RecordVerification', () => {
    const verify = (status: RecordVerification['data']['status'] = 'verified', note?: string): RecordVerification => ({
      type: 'RecordVerification',
      context,
      data: { incidentId, status, method: 'site-visit', ...(note !== undefined && { note }) },
    });
    const verified = (status: IncidentVerificationRecorded['data']['status'] = 'verified'): IncidentVerificationRecorded => ({
      type: 'IncidentVerificationRecorded',
      occurredAt: now,
      data: { incidentId, status, method: 'site-visit', at: now },
    });

    it('records the status and how, now', () => spec.given([reported]).when(verify()).then([verified()]));

    it('keeps a trimmed note, and leaves out a blank one', () => {
      spec.given([reported]).when(verify('disputed', '  two villagers deny it ')).then([{ ...verified('disputed'), data: { ...verified('disputed').data, note: 'two villagers deny it' } }]);
      spec.given([reported]).when(verify('false', '   ')).then([verified('false')]);
    });

    it('records nothing for the status it already has', () => {
      spec.given([reported, verified()]).when(verify()).then([]);
      // Absent is unverified: "unverified" on a fresh incident says nothing new either.
      spec.given([reported]).when(verify('unverified')).then([]);
    });

    it('records a change of status, back to unverified too', () => {
      spec.given([reported, verified()]).when(verify('disputed')).then([verified('disputed')]);
      spec.given([reported, verified()]).when(verify('unverified')).then([verified('unverified')]);
    });

    it('refuses an unknown incident', () => spec.given([]).when(verify()).thenThrows('not-found', /incident i1/));

    it('refuses a retracted incident', () => spec.given([reported, retracted]).when(verify()).thenThrows('conflict', /retracted/));
  });

  describe('actors', () => {
    const perpetrator = { name: ' Dan Na Ambassagou ', type: 'communal-militia' } as const;
    const target = { name: '   ', type: 'civilians' } as const;

    it('keeps the perpetrator and target reported, a blank name left out', () =>
      spec
        .given([])
        .when(report({ perpetrator, target }))
        .then([{ ...reported, data: { ...reported.data, perpetrator: { name: 'Dan Na Ambassagou', type: 'communal-militia' }, target: { type: 'civilians' } } }]));

    it('corrects them like any other field', () =>
      spec
        .given([reported])
        .when(correct({ perpetrator: { type: 'unidentified-armed-men' } }))
        .then([{ type: 'IncidentCorrected', occurredAt, data: { incidentId, changes: { perpetrator: { type: 'unidentified-armed-men' } } } }]));
  });
});
