import {
  alertStreamId,
  currentSchemaVersion,
  flightStreamId,
  flightHoursStreamId,
  NOT_GRADED_AT_INTAKE,
  patrolStreamId,
  toArea,
  toLocation,
  type AlertClosed,
  type AlertReceived,
  type AlertTriaged,
  type CallerErased,
  type SealedCaller,
  type DeterrentPassFlown,
  type FlightCompleted,
  type FlightDispatched,
  type FlightHoursAllotted,
  type IncidentCorrected,
  type IncidentVerificationRecorded,
  type IncidentReported,
  type Location,
  type PatrolCompleted,
  type PatrolDeployed,
  type StoredEvent,
} from '@poc/domain';

/**
 * Builders of StoredEvent envelopes for projection tests. An EventLog plays the event store:
 * it numbers positions globally and versions per stream, and makes ids, so a test only
 * writes what matters to it.
 *
 *   const log = new EventLog();
 *   const received = log.alertReceived('a1', { caller: sealedCaller('+223…') });
 *   const dispatched = log.flightDispatched('f1', { alertIds: ['a1'] });
 */

/**
 * A sealed caller as the vault writes it. `marker` stands in for the ciphertext so a test can
 * search the read models for it: what a projection copies of a caller shows up there.
 */
export const sealedCaller = (marker: string, keyId = `key-${marker}`): SealedCaller => ({
  sealed: true,
  keyId,
  iv: 'aXZpdml2aXZpdml2',
  tag: 'dGFndGFndGFndGFndGFn',
  ciphertext: marker,
});

/** Places of DOMAIN.md (WGS84). */
export const PLACES = {
  bamako: { lat: 12.6392, lon: -8.0029 },
  mopti: { lat: 14.4843, lon: -4.183 },
  ogossagou: { lat: 14.15, lon: -3.62 },
  bankass: { lat: 14.0775, lon: -3.5159 },
  koro: { lat: 14.064, lon: -3.0754 },
  gao: { lat: 16.2717, lon: -0.0447 },
} as const;

export const T0 = '2020-03-01T06:00:00.000Z';

/** Data of the incident, base and IED events (their domain modules are not written yet). */
/** The domain's own shapes, so a builder cannot drift from what deciders emit. */
export type IncidentReportedData = IncidentReported['data'];
export type IncidentChanges = IncidentCorrected['data']['changes'];
export type IncidentCorrectedData = { incidentId: string; changes: IncidentChanges };
export type IncidentVerificationData = IncidentVerificationRecorded['data'];
export type IncidentRetractedData = { incidentId: string; reason: string; retractedAt: string };
export type OperatingBaseEstablishedData = {
  baseId: string;
  establishedAt: string;
  location: Location;
  triggerIncidentId?: string;
  name?: string;
};
export type OperatingBaseClosedData = { baseId: string; closedAt: string };
export type IedDetectedData = { iedId: string; detectedAt: string; location: Location; unit?: string; convoyId?: string; method?: string; axis: string | null };
export type IedResolvedData = { iedId: string; at: string; casualties?: number };

type DataOf<E> = E extends { data: infer D } ? D : never;
type Times = { occurredAt?: string; recordedAt?: string };

export const incidentStreamId = (id: string): string => `incident-${id}`;
export const baseStreamId = (id: string): string => `base-${id}`;
export const iedStreamId = (id: string): string => `ied-${id}`;

/** A location with its H3 cell, as events carry it. */
export const at = (point: { lat: number; lon: number }, extra: { precision?: number; place?: string; cercle?: string; region?: string } = {}): Location =>
  toLocation({ ...point, ...extra });

export const area = (point: { lat: number; lon: number }, radiusKm = 10) => toArea({ ...point, radiusKm });

export class EventLog {
  readonly events: StoredEvent[] = [];
  private readonly versions = new Map<string, number>();

  /** Appends an event as the store would: next position, next version of its stream. */
  record<Type extends string, Data>(streamId: string, type: Type, data: Data, times: Times = {}): StoredEvent<Type, Data> {
    const position = this.events.length + 1;
    const streamVersion = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, streamVersion);
    const occurredAt = times.occurredAt ?? T0;
    const event: StoredEvent<Type, Data> = {
      id: `evt-${position}`,
      type,
      // As handleCommand records it: the data given is the type's current shape.
      schemaVersion: currentSchemaVersion(type),
      streamId,
      streamVersion,
      position,
      occurredAt,
      recordedAt: times.recordedAt ?? occurredAt,
      data,
      metadata: { actor: 'tester', role: 'ops', correlationId: `corr-${position}` },
    };
    this.events.push(event);
    return event;
  }

  alertReceived(alertId: string, data: Partial<DataOf<AlertReceived>> = {}, times: Times = {}) {
    const full: DataOf<AlertReceived> = {
      alertId,
      channel: 'hotline',
      receivedAt: T0,
      location: at(PLACES.ogossagou, { place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' }),
      threat: { kind: 'attack-on-civilians' },
      intakeGrading: NOT_GRADED_AT_INTAKE,
      ...data,
    };
    return this.record(alertStreamId(alertId), 'AlertReceived', full, { occurredAt: full.receivedAt, ...times });
  }

  alertTriaged(alertId: string, data: Partial<DataOf<AlertTriaged>> = {}, times: Times = {}) {
    const full: DataOf<AlertTriaged> = { alertId, priority: 'flash', triagedAt: T0, ...data };
    return this.record(alertStreamId(alertId), 'AlertTriaged', full, { occurredAt: full.triagedAt, ...times });
  }

  alertClosed(alertId: string, data: Partial<DataOf<AlertClosed>> = {}, times: Times = {}) {
    const full: DataOf<AlertClosed> = { alertId, outcome: 'attack-prevented', closedAt: T0, ...data };
    return this.record(alertStreamId(alertId), 'AlertClosed', full, { occurredAt: full.closedAt, ...times });
  }

  callerErased(alertId: string, data: Partial<DataOf<CallerErased>> = {}, times: Times = {}) {
    const full: DataOf<CallerErased> = { alertId, keyId: `key-${alertId}`, erasedAt: T0, ...data };
    return this.record(alertStreamId(alertId), 'CallerErased', full, { occurredAt: full.erasedAt, ...times });
  }

  flightDispatched(flightId: string, data: Partial<DataOf<FlightDispatched>> = {}, times: Times = {}) {
    const dispatchedAt = data.dispatchedAt ?? T0;
    const full: DataOf<FlightDispatched> = { flightId, dispatchedAt, target: area(PLACES.koro, 5), alertIds: [], purpose: 'rapid-response', takeOffAt: dispatchedAt, ...data };
    return this.record(flightStreamId(flightId), 'FlightDispatched', full, { occurredAt: full.dispatchedAt, ...times });
  }

  deterrentPassFlown(flightId: string, from: string, to: string, target = area(PLACES.koro, 5)) {
    const data: DataOf<DeterrentPassFlown> = { flightId, from, to, target };
    return this.record(flightStreamId(flightId), 'DeterrentPassFlown', data, { occurredAt: to });
  }

  flightCompleted(flightId: string, data: Partial<DataOf<FlightCompleted>> = {}, times: Times = {}) {
    const full: DataOf<FlightCompleted> = { flightId, completedAt: T0, ...data };
    return this.record(flightStreamId(flightId), 'FlightCompleted', full, { occurredAt: full.completedAt, ...times });
  }

  flightAborted(flightId: string, abortedAt = T0) {
    return this.record(flightStreamId(flightId), 'FlightAborted', { flightId, abortedAt }, { occurredAt: abortedAt });
  }

  patrolDeployed(patrolId: string, data: Partial<DataOf<PatrolDeployed>> = {}, times: Times = {}) {
    const full: DataOf<PatrolDeployed> = {
      patrolId,
      operation: 'Buffalo',
      unit: 'BANBAT-1',
      startedAt: T0,
      area: area(PLACES.ogossagou, 10),
      stops: [],
      alertIds: [],
      ...data,
    };
    return this.record(patrolStreamId(patrolId), 'PatrolDeployed', full, { occurredAt: full.startedAt, ...times });
  }

  patrolCompleted(patrolId: string, data: Partial<DataOf<PatrolCompleted>> = {}, times: Times = {}) {
    const full: DataOf<PatrolCompleted> = { patrolId, endedAt: T0, stops: [], ...data };
    return this.record(patrolStreamId(patrolId), 'PatrolCompleted', full, { occurredAt: full.endedAt, ...times });
  }

  /** `occurredAt` is the envelope's: an incident's world time. */
  incidentReported(incidentId: string, data: Partial<IncidentReportedData> = {}, times: Times = {}) {
    const full: IncidentReportedData = {
      incidentId,
      location: at(PLACES.ogossagou, { cercle: 'Bankass', region: 'Mopti' }),
      kind: 'attack-on-civilians',
      fatalities: 0,
      injured: 0,
      targetsCivilians: true,
      timePrecision: 1,
      ...data,
    };
    return this.record(incidentStreamId(incidentId), 'IncidentReported', full, times);
  }

  incidentCorrected(incidentId: string, changes: IncidentChanges, times: Times = {}) {
    return this.record<'IncidentCorrected', IncidentCorrectedData>(incidentStreamId(incidentId), 'IncidentCorrected', { incidentId, changes }, times);
  }

  incidentRetracted(incidentId: string, reason = 'duplicate', retractedAt = T0) {
    const data: IncidentRetractedData = { incidentId, reason, retractedAt };
    return this.record(incidentStreamId(incidentId), 'IncidentRetracted', data, { occurredAt: retractedAt });
  }

  /** Recorded now (`at`); the verifier is the metadata's actor ('tester'). */
  incidentVerificationRecorded(incidentId: string, data: Partial<IncidentVerificationData> = {}, times: Times = {}) {
    const full: IncidentVerificationData = { incidentId, status: 'verified', method: 'site-visit', at: T0, ...data };
    return this.record(incidentStreamId(incidentId), 'IncidentVerificationRecorded', full, { occurredAt: full.at, ...times });
  }

  baseEstablished(baseId: string, data: Partial<OperatingBaseEstablishedData> = {}) {
    const full: OperatingBaseEstablishedData = { baseId, establishedAt: T0, location: at(PLACES.ogossagou), ...data };
    return this.record(baseStreamId(baseId), 'OperatingBaseEstablished', full, { occurredAt: full.establishedAt });
  }

  baseClosed(baseId: string, closedAt = T0) {
    const data: OperatingBaseClosedData = { baseId, closedAt };
    return this.record(baseStreamId(baseId), 'OperatingBaseClosed', data, { occurredAt: closedAt });
  }

  iedDetected(iedId: string, data: Partial<IedDetectedData> = {}) {
    const full: IedDetectedData = { iedId, detectedAt: T0, location: at(PLACES.gao, { cercle: 'Gao', region: 'Gao' }), axis: null, ...data };
    return this.record(iedStreamId(iedId), 'IedDetected', full, { occurredAt: full.detectedAt });
  }

  /** An allotment of flight hours for a month (recorded when decided: `at`). */
  flightHoursAllotted(month: string, hours: number, at = T0, note?: string) {
    const data: DataOf<FlightHoursAllotted> = { month, hours, ...(note !== undefined && { note }) };
    return this.record(flightHoursStreamId(month), 'FlightHoursAllotted', data, { occurredAt: at });
  }

  iedNeutralized(iedId: string, atTime = T0, casualties?: number) {
    const data: IedResolvedData = { iedId, at: atTime, ...(casualties !== undefined && { casualties }) };
    return this.record(iedStreamId(iedId), 'IedNeutralized', data, { occurredAt: atTime });
  }

  iedDetonated(iedId: string, atTime = T0, casualties?: number) {
    const data: IedResolvedData = { iedId, at: atTime, ...(casualties !== undefined && { casualties }) };
    return this.record(iedStreamId(iedId), 'IedDetonated', data, { occurredAt: atTime });
  }
}

/** The point `km` away from `from` on the initial bearing `bearingDeg` (on the haversine sphere). */
export const offsetKm = (from: { lat: number; lon: number }, bearingDeg: number, km: number): { lat: number; lon: number } => {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  const d = km / R;
  const b = bearingDeg * rad;
  const lat1 = from.lat * rad;
  const lon1 = from.lon * rad;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { lat: lat2 / rad, lon: lon2 / rad };
};
