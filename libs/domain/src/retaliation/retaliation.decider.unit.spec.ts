import { DeciderSpecification } from '@poc/domain/testing';
import type { RetaliationAssessed, RetaliationVerdict } from './retaliation.events';
import { RETALIATION_NOTE_MAX } from './retaliation.events';
import { retaliationDecider, retaliationStreamId } from './retaliation.decider';
import type { AssessRetaliation } from './assess-retaliation.command';
import { fold } from '../shared/domain-event';

const now = '2020-03-25T10:00:00.000Z';
const context = { now };
const incidentId = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const episodeId = 'patrol-p1-stop-2';
const spec = DeciderSpecification.for(retaliationDecider);

const assess = (verdict: RetaliationVerdict, extra: Partial<AssessRetaliation['data']> = {}): AssessRetaliation => ({
  type: 'AssessRetaliation',
  context,
  data: { incidentId, episodeId, verdict, ...extra },
});

const assessed = (verdict: RetaliationVerdict, assessedAt: string, note?: string): RetaliationAssessed => ({
  type: 'RetaliationAssessed',
  occurredAt: assessedAt,
  data: { incidentId, episodeId, verdict, ...(note !== undefined && { note }), assessedAt },
});

describe('retaliation decider', () => {
  it('names its stream retaliation-<incidentId>', () => expect(retaliationStreamId(incidentId)).toBe(`retaliation-${incidentId}`));

  describe('AssessRetaliation', () => {
    it('records a verdict with its note, at server time', () =>
      spec
        .given([])
        .when(assess('retaliation', { note: 'attackers named the patrol in threats to the village chief' }))
        .then([assessed('retaliation', now, 'attackers named the patrol in threats to the village chief')]));

    it('records a verdict without a note', () =>
      spec.given([]).when(assess('undetermined')).then([assessed('undetermined', now)]));

    it('accepts a re-assessment: the new verdict follows the old, which stays in the stream', () => {
      const first = assessed('undetermined', '2020-03-20T09:00:00.000Z');
      spec
        .given([first])
        .when(assess('not-retaliation', { note: 'cattle theft between herders, unrelated to the patrol' }))
        .then([assessed('not-retaliation', now, 'cattle theft between herders, unrelated to the patrol')]);
      const state = fold(retaliationDecider, [first, assessed('not-retaliation', now)]);
      expect(state).toEqual({ status: 'assessed', incidentId, verdict: 'not-retaliation', assessments: 2 });
    });

    it('accepts the same verdict again (a second reviewer agrees)', () =>
      spec.given([assessed('retaliation', '2020-03-20T09:00:00.000Z')]).when(assess('retaliation')).then([assessed('retaliation', now)]));

    it('refuses an unknown verdict', () =>
      spec
        .given([])
        .when(assess('probably' as RetaliationVerdict))
        .thenThrows('invalid', /verdict must be one of retaliation, not-retaliation, undetermined/));

    it('refuses an empty note', () => spec.given([]).when(assess('retaliation', { note: '' })).thenThrows('invalid', /note must not be empty/));

    it('refuses a note of blanks only', () => spec.given([]).when(assess('retaliation', { note: '   \n' })).thenThrows('invalid', /note/));

    it(`refuses a note longer than ${RETALIATION_NOTE_MAX} characters`, () =>
      spec
        .given([])
        .when(assess('retaliation', { note: 'x'.repeat(RETALIATION_NOTE_MAX + 1) }))
        .thenThrows('invalid', /note must be at most 2000/));

    it(`accepts a note of exactly ${RETALIATION_NOTE_MAX} characters`, () =>
      spec
        .given([])
        .when(assess('retaliation', { note: 'x'.repeat(RETALIATION_NOTE_MAX) }))
        .then((events) => expect(events).toHaveLength(1)));

    it('refuses an episode id outside the safe alphabet', () =>
      spec.given([]).when(assess('retaliation', { episodeId: 'stop 2; drop' })).thenThrows('invalid', /episodeId/));

    it('refuses an empty episode id', () => spec.given([]).when(assess('retaliation', { episodeId: '' })).thenThrows('invalid', /episodeId/));
  });
});
