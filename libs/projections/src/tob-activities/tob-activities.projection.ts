import type { Stored, StoredEvent, TobActivityKind, TobActivityRecorded } from '@poc/domain';
import type { Projection } from '../projection';

/** One thing a TOB enabled (TobActivityRecorded), as GET /tobs/activities lists it. */
export type TobActivityView = Readonly<{
  /** `<baseId>:<version>`: the event's place in the base's stream (GET /streams/base-<baseId>). */
  activityId: string;
  baseId: string;
  kind: TobActivityKind;
  date: string;
  cercle: string;
  note?: string;
}>;

/** The activity's id: an activity is one event of its base's stream, never edited. */
export const tobActivityId = (baseId: string, streamVersion: number): string => `${baseId}:${streamVersion}`;

const evolve = (doc: TobActivityView | undefined, stored: StoredEvent, key: string): TobActivityView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<TobActivityRecorded>;
  if (event.type !== 'TobActivityRecorded') return doc;
  const { baseId, kind, date, cercle, note } = event.data;
  return { activityId: key, baseId, kind, date, cercle, ...(note !== undefined && { note }) };
};

/** Reads one stream (the base's) and one event type: any arrival order gives the same documents. */
export const tobActivitiesProjection: Projection<TobActivityView> = {
  name: 'tob-activities',
  version: 1,
  collection: {
    name: 'tob_activities',
    columns: { base_id: 'text', kind: 'text', date: 'text', cercle: 'text' },
    indexes: [['date'], ['base_id']],
  },
  handles: ['TobActivityRecorded'],
  keysOf: (stored) => [tobActivityId((stored as Stored<TobActivityRecorded>).data.baseId, stored.streamVersion)],
  evolve,
  columnsOf: (view) => ({ base_id: view.baseId, kind: view.kind, date: view.date, cercle: view.cercle }),
};
