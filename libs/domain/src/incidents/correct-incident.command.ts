import type { Command } from '../shared/domain-event';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { toLocation, type LocationInput } from '../shared/location';
import { assertNotInFuture } from '../shared/time';
import { toActor, toCount, toTimePrecision } from './incident-fields';
import type { IncidentActor, IncidentChanges, IncidentCorrected, IncidentKind, IncidentSource } from './incident.events';
import type { IncidentState } from './incident.state';

export type CorrectIncident = Command<
  'CorrectIncident',
  {
    incidentId: string;
    occurredAt?: string;
    location?: LocationInput;
    kind?: IncidentKind;
    fatalities?: number;
    injured?: number;
    targetsCivilians?: boolean;
    source?: IncidentSource;
    timePrecision?: number;
    description?: string;
    perpetrator?: IncidentActor;
    target?: IncidentActor;
  }
>;

const toChanges = (data: CorrectIncident['data'], now: string): IncidentChanges => {
  const { occurredAt, location, kind, fatalities, injured, targetsCivilians, source, timePrecision, description, perpetrator, target } = data;
  if (occurredAt !== undefined) assertNotInFuture(occurredAt, now, 'occurredAt');
  return {
    ...(occurredAt !== undefined && { occurredAt }),
    ...(location !== undefined && { location: toLocation(location) }),
    ...(kind !== undefined && { kind }),
    ...(fatalities !== undefined && { fatalities: toCount(fatalities, 'fatalities') }),
    ...(injured !== undefined && { injured: toCount(injured, 'injured') }),
    ...(targetsCivilians !== undefined && { targetsCivilians }),
    ...(source !== undefined && { source }),
    ...(timePrecision !== undefined && { timePrecision: toTimePrecision(timePrecision) }),
    ...(description !== undefined && { description }),
    ...(perpetrator !== undefined && { perpetrator: toActor(perpetrator) }),
    ...(target !== undefined && { target: toActor(target) }),
  };
};

export const correctIncident = ({ data, context }: CorrectIncident, state: IncidentState): IncidentCorrected[] => {
  if (state.status === 'unknown') throw notFound(`incident ${data.incidentId}`);
  if (state.status === 'retracted') throw conflict(`incident ${data.incidentId} was retracted and cannot be corrected`);
  const changes = toChanges(data, context.now);
  // An empty correction would add a fact that says nothing, and hide a client's mistake.
  if (Object.keys(changes).length === 0) throw invalid('a correction must change at least one field');
  return [
    {
      type: 'IncidentCorrected',
      // The stream's latest event then carries the incident's current world time.
      occurredAt: changes.occurredAt ?? state.occurredAt,
      data: { incidentId: data.incidentId, changes },
    },
  ];
};
