import type { FlightHoursEvent, Stored, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type FlightHourAllotmentView = Readonly<{
  /** YYYY-MM. */
  month: string;
  /** The allotment in force: the latest one recorded for the month. */
  hours: number;
  /** When it was set (the event's time). */
  allottedAt: string;
  note?: string;
  /** Allotments recorded for the month, the first one included: 2 means it was revised once. */
  revisions: number;
}>;

const evolve = (doc: FlightHourAllotmentView | undefined, stored: StoredEvent): FlightHourAllotmentView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<FlightHoursEvent>;
  switch (event.type) {
    case 'FlightHoursAllotted': {
      const { month, hours, note } = event.data;
      return { month, hours, allottedAt: event.occurredAt, ...(note !== undefined && { note }), revisions: (doc?.revisions ?? 0) + 1 };
    }
    default:
      return doc;
  }
};

/** One document per month: the allotment of flight hours against which the month is read. */
export const flightHourAllotmentsProjection: Projection<FlightHourAllotmentView> = {
  name: 'flight-hour-allotments',
  version: 1,
  collection: { name: 'flight_hour_allotments', columns: { month: 'text' }, indexes: [['month']] },
  handles: ['FlightHoursAllotted'],
  keysOf: (event) => [(event as Stored<FlightHoursEvent>).data.month],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({ month: view.month }),
};
