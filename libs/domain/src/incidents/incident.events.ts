import type { DomainEvent } from '../shared/domain-event';
import type { Location } from '../shared/location';

export const INCIDENT_KINDS = ['attack-on-civilians', 'clash', 'abduction', 'ied-explosion', 'looting', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** Who reported it; presence raises uniformed reporting, so the curve can leave it out (DOMAIN.md). */
export const INCIDENT_SOURCES = ['uniformed', 'civilian', 'hotline', 'media'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** ACLED's time_precision: 1 exact day, 2 within a week, 3 only the month. */
export type TimePrecision = 1 | 2 | 3;

/** Who did it or suffered it, as ACLED and UCDP users read actors (docs/analysts.md maps them to ACLED's inter codes). */
export const ACTOR_TYPES = ['state-forces', 'armed-group', 'communal-militia', 'unidentified-armed-men', 'civilians', 'peacekeepers'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];
/** A free name ("Dan Na Ambassagou", "FAMa") when known; the type alone when not. */
export type IncidentActor = Readonly<{ name?: string; type: ActorType }>;

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
    /** Optional since they were added (schema v1 still: older events simply lack them). */
    perpetrator?: IncidentActor;
    target?: IncidentActor;
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
    perpetrator: IncidentActor;
    target: IncidentActor;
  }>
>;

/** Only the fields that changed; earlier reports stay as they were (stored events never change). */
export type IncidentCorrected = DomainEvent<'IncidentCorrected', Readonly<{ incidentId: string; changes: IncidentChanges }>>;

export type IncidentRetracted = DomainEvent<
  'IncidentRetracted',
  Readonly<{ incidentId: string; reason: string; retractedAt: string }>
>;

/** Absent from an incident's history means unverified. */
export const VERIFICATION_STATUSES = ['unverified', 'verified', 'disputed', 'false'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
/** How the status was established. */
export const VERIFICATION_METHODS = ['site-visit', 'independent-source', 'imagery', 'official-record', 'other'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** Who verified is the event's metadata actor (the API key's role and fingerprint), not data. */
export type IncidentVerificationRecorded = DomainEvent<
  'IncidentVerificationRecorded',
  Readonly<{ incidentId: string; status: VerificationStatus; method: VerificationMethod; note?: string; at: string }>
>;

export type IncidentEvent = IncidentReported | IncidentCorrected | IncidentRetracted | IncidentVerificationRecorded;
