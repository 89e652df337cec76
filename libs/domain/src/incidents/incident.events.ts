import type { DomainEvent } from '../shared/domain-event';
import type { Location } from '../shared/location';

export const INCIDENT_KINDS = ['attack-on-civilians', 'clash', 'abduction', 'ied-explosion', 'looting', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** Who reported it; presence raises uniformed reporting, so the curve can leave it out (DOMAIN.md). */
export const INCIDENT_SOURCES = ['uniformed', 'civilian', 'hotline', 'media'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** ACLED's time_precision: 1 exact day, 2 within a week, 3 only the month. */
export type TimePrecision = 1 | 2 | 3;

/** The event's occurredAt is when the incident happened; reports often come days later. */
export type IncidentReported = DomainEvent<
  'IncidentReported',
  Readonly<{
    incidentId: string;
    location: Location;
    kind: IncidentKind;
    fatalities: number;
    injured: number;
    targetsCivilians: boolean;
    source?: IncidentSource;
    timePrecision: TimePrecision;
    description?: string;
    reportingUnit?: string;
  }>
>;

export type IncidentChanges = Readonly<
  Partial<{
    occurredAt: string;
    location: Location;
    kind: IncidentKind;
    fatalities: number;
    injured: number;
    targetsCivilians: boolean;
    source: IncidentSource;
    timePrecision: TimePrecision;
    description: string;
  }>
>;

/** Only the fields that changed; earlier reports stay as they were (stored events never change). */
export type IncidentCorrected = DomainEvent<'IncidentCorrected', Readonly<{ incidentId: string; changes: IncidentChanges }>>;

export type IncidentRetracted = DomainEvent<
  'IncidentRetracted',
  Readonly<{ incidentId: string; reason: string; retractedAt: string }>
>;

export type IncidentEvent = IncidentReported | IncidentCorrected | IncidentRetracted;
