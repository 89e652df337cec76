import type { Command } from '../shared/domain-event';
import { invalid } from '../shared/domain-error';
import {
  EPISODE_ID,
  RETALIATION_NOTE_MAX,
  RETALIATION_VERDICTS,
  type RetaliationAssessed,
  type RetaliationVerdict,
} from './retaliation.events';
import type { RetaliationState } from './retaliation.state';

export type AssessRetaliation = Command<
  'AssessRetaliation',
  { incidentId: string; episodeId: string; verdict: RetaliationVerdict; note?: string }
>;

/**
 * Records a verdict at server time. A later verdict supersedes an earlier one (new evidence,
 * a second reviewer); both stay in the stream, so the history of judgements is kept.
 * The incident itself lives in another stream: whether it exists is for the caller to check.
 */
export const assessRetaliation = ({ data, context }: AssessRetaliation, _state: RetaliationState): RetaliationAssessed[] => {
  if (!(RETALIATION_VERDICTS as readonly string[]).includes(data.verdict)) {
    throw invalid(`verdict must be one of ${RETALIATION_VERDICTS.join(', ')}`, 'verdict');
  }
  if (!EPISODE_ID.test(data.episodeId)) {
    throw invalid('episodeId must be 1–200 letters, digits, - or _', 'episodeId');
  }
  if (data.note !== undefined) {
    if (data.note.trim() === '') throw invalid('note must not be empty: leave it out instead', 'note');
    if (data.note.length > RETALIATION_NOTE_MAX) throw invalid(`note must be at most ${RETALIATION_NOTE_MAX} characters`, 'note');
  }
  const assessedAt = context.now;
  return [
    {
      type: 'RetaliationAssessed',
      occurredAt: assessedAt,
      data: {
        incidentId: data.incidentId,
        episodeId: data.episodeId,
        verdict: data.verdict,
        ...(data.note !== undefined && { note: data.note }),
        assessedAt,
      },
    },
  ];
};
