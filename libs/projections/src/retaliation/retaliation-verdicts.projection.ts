import type { RetaliationAssessed, RetaliationVerdict, Stored, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type RetaliationAssessment = Readonly<{
  episodeId: string;
  verdict: RetaliationVerdict;
  note?: string;
  assessedAt: string;
  /** Who recorded it (role and key fingerprint, as the event's metadata names them). */
  assessedBy: string;
  /** The event's version in the incident's assessment stream: orders the history. */
  version: number;
}>;

/** One document per candidate incident: the verdict that stands, and every verdict given. */
export type RetaliationVerdictView = Readonly<{
  incidentId: string;
  /** The latest assessment's episode, verdict, note and time: it supersedes the earlier ones. */
  episodeId: string;
  verdict: RetaliationVerdict;
  note?: string;
  assessedAt: string;
  /** Every assessment, oldest first. */
  history: readonly RetaliationAssessment[];
}>;

type Assessed = Stored<RetaliationAssessed>;

const evolve = (doc: RetaliationVerdictView | undefined, event: StoredEvent): RetaliationVerdictView | undefined => {
  if (event.type !== 'RetaliationAssessed') return doc;
  const { data, streamVersion, metadata } = event as Assessed;
  // The runner skips redelivered events; this keeps the document right without it too.
  if (doc?.history.some((a) => a.version === streamVersion)) return doc;
  const assessment: RetaliationAssessment = {
    episodeId: data.episodeId,
    verdict: data.verdict,
    ...(data.note !== undefined && { note: data.note }),
    assessedAt: data.assessedAt,
    assessedBy: metadata.actor,
    version: streamVersion,
  };
  // One stream per incident, applied in its own order: the last version is the latest verdict.
  const history = [...(doc?.history ?? []), assessment].sort((a, b) => a.version - b.version);
  const latest = history[history.length - 1]!;
  return {
    incidentId: data.incidentId,
    episodeId: latest.episodeId,
    verdict: latest.verdict,
    ...(latest.note !== undefined && { note: latest.note }),
    assessedAt: latest.assessedAt,
    history,
  };
};

export const retaliationVerdictsProjection: Projection<RetaliationVerdictView> = {
  name: 'retaliation-verdicts',
  version: 1,
  collection: {
    name: 'retaliation_verdicts',
    columns: { verdict: 'text', episode_id: 'text', assessed_at: 'text' },
    indexes: [['verdict'], ['episode_id'], ['assessed_at']],
  },
  handles: ['RetaliationAssessed'],
  keysOf: (event) => [(event as Assessed).data.incidentId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({ verdict: view.verdict, episode_id: view.episodeId, assessed_at: view.assessedAt }),
};

/** The verdict that stands for each assessed incident; an incident never assessed is absent. */
export const verdictsByIncident = (docs: Iterable<RetaliationVerdictView>): Map<string, RetaliationVerdict> =>
  new Map([...docs].map((doc) => [doc.incidentId, doc.verdict]));
