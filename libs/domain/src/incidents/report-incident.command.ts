import type { Command } from '../shared/domain-event';
import { conflict } from '../shared/domain-error';
import { toLocation, type LocationInput } from '../shared/location';
import { assertNotInFuture } from '../shared/time';
import { targetsCiviliansByDefault, toActor, toCount, toTimePrecision } from './incident-fields';
import type { IncidentActor, IncidentKind, IncidentReported, IncidentSource } from './incident.events';
import type { IncidentState } from './incident.state';

export type ReportIncident = Command<
  'ReportIncident',
  {
    incidentId: string;
    occurredAt: string;
    location: LocationInput;
    kind: IncidentKind;
    fatalities?: number;
    injured?: number;
    targetsCivilians?: boolean;
    source?: IncidentSource;
    timePrecision?: number;
    description?: string;
    reportingUnit?: string;
    perpetrator?: IncidentActor;
    target?: IncidentActor;
  }
>;

/** occurredAt may lie days before now: late reports are normal and only refused if in the future. */
export const reportIncident = ({ data, context }: ReportIncident, state: IncidentState): IncidentReported[] => {
  if (state.status !== 'unknown') throw conflict(`incident ${data.incidentId} was already reported`);
  assertNotInFuture(data.occurredAt, context.now, 'occurredAt');
  return [
    {
      type: 'IncidentReported',
      occurredAt: data.occurredAt,
      data: {
        incidentId: data.incidentId,
        location: toLocation(data.location),
        kind: data.kind,
        fatalities: toCount(data.fatalities ?? 0, 'fatalities'),
        injured: toCount(data.injured ?? 0, 'injured'),
        targetsCivilians: data.targetsCivilians ?? targetsCiviliansByDefault(data.kind),
        ...(data.source !== undefined && { source: data.source }),
        timePrecision: toTimePrecision(data.timePrecision ?? 1),
        ...(data.description !== undefined && { description: data.description }),
        ...(data.reportingUnit !== undefined && { reportingUnit: data.reportingUnit }),
        ...(data.perpetrator !== undefined && { perpetrator: toActor(data.perpetrator) }),
        ...(data.target !== undefined && { target: toActor(data.target) }),
      },
    },
  ];
};
