import { retaliationStreamId, type RetaliationAssessed } from '@poc/domain';
import { EventLog, ProjectionSpecification } from '@poc/projections/testing';
import { retaliationVerdictsProjection, verdictsByIncident, type RetaliationVerdictView } from './retaliation-verdicts.projection';

const spec = ProjectionSpecification.for(retaliationVerdictsProjection);

const assessed = (log: EventLog, incidentId: string, data: Partial<RetaliationAssessed['data']> = {}) => {
  const full: RetaliationAssessed['data'] = {
    incidentId,
    episodeId: 'patrol-p1-stop-1',
    verdict: 'undetermined',
    assessedAt: '2020-03-20T09:00:00.000Z',
    ...data,
  };
  return log.record(retaliationStreamId(incidentId), 'RetaliationAssessed', full, { occurredAt: full.assessedAt });
};

describe('retaliation verdicts projection', () => {
  it('a first assessment opens the document with its verdict and a one-entry history', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(assessed(log, 'i1', { note: 'village chief threatened after the patrol left' }))
      .then({
        i1: {
          incidentId: 'i1',
          episodeId: 'patrol-p1-stop-1',
          verdict: 'undetermined',
          note: 'village chief threatened after the patrol left',
          assessedAt: '2020-03-20T09:00:00.000Z',
          history: [
            {
              episodeId: 'patrol-p1-stop-1',
              verdict: 'undetermined',
              note: 'village chief threatened after the patrol left',
              assessedAt: '2020-03-20T09:00:00.000Z',
              assessedBy: 'tester',
              version: 1,
            },
          ],
        },
      });
  });

  it('a later verdict supersedes the earlier one, which stays in the history', () => {
    const log = new EventLog();
    const first = assessed(log, 'i1', { note: 'waiting for the human-rights report' });
    spec
      .given([first])
      .when(assessed(log, 'i1', { verdict: 'retaliation', episodeId: 'base-b1', assessedAt: '2020-03-27T15:00:00.000Z' }))
      .then((docs) => {
        const view = docs.get('i1')!;
        expect(view).toMatchObject({ verdict: 'retaliation', episodeId: 'base-b1', assessedAt: '2020-03-27T15:00:00.000Z' });
        // The old note belonged to the old verdict.
        expect(view).not.toHaveProperty('note');
        expect(view.history.map((a) => [a.version, a.verdict])).toEqual([
          [1, 'undetermined'],
          [2, 'retaliation'],
        ]);
      });
  });

  it('has columns to filter on', () => {
    const log = new EventLog();
    spec
      .given([assessed(log, 'i1')])
      .when(assessed(log, 'i1', { verdict: 'not-retaliation', assessedAt: '2020-03-21T09:00:00.000Z' }))
      .thenColumns({ i1: { verdict: 'not-retaliation', episode_id: 'patrol-p1-stop-1', assessed_at: '2020-03-21T09:00:00.000Z' } });
  });

  it('a redelivered assessment is not recorded twice', () => {
    const log = new EventLog();
    const first = assessed(log, 'i1');
    spec
      .given([first])
      .when(first)
      .then((docs) => expect(docs.get('i1')!.history).toHaveLength(1));
  });

  it('assessments of different incidents keep to their own documents', () => {
    const log = new EventLog();
    spec
      .given([assessed(log, 'i1', { verdict: 'retaliation' })])
      .when(assessed(log, 'i2', { verdict: 'not-retaliation' }))
      .then((docs) => {
        expect(docs.get('i1')!.verdict).toBe('retaliation');
        expect(docs.get('i2')!.verdict).toBe('not-retaliation');
      });
  });

  it('ignores events it does not handle', () => {
    const log = new EventLog();
    expect(retaliationVerdictsProjection.handles).toEqual(['RetaliationAssessed']);
    expect(retaliationVerdictsProjection.evolve(undefined, log.alertReceived('a1'), 'a1')).toBeUndefined();
  });

  describe('verdictsByIncident', () => {
    it('maps each assessed incident to the verdict that stands', () => {
      const view = (incidentId: string, verdict: RetaliationVerdictView['verdict']): RetaliationVerdictView => ({
        incidentId,
        episodeId: 'e1',
        verdict,
        assessedAt: '2020-03-20T09:00:00.000Z',
        history: [],
      });
      const verdicts = verdictsByIncident([view('i1', 'retaliation'), view('i2', 'undetermined')]);
      expect(verdicts).toEqual(
        new Map([
          ['i1', 'retaliation'],
          ['i2', 'undetermined'],
        ]),
      );
      expect(verdicts.has('i3')).toBe(false);
    });

    it('is empty for no documents', () => expect(verdictsByIncident([]).size).toBe(0));
  });
});
