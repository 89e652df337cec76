import type { DomainEvent } from '../shared/domain-event';

/**
 * An analyst's verdict on a candidate incident: a civilian-targeting incident attributed to a
 * presence departure within 14 days (30 for a TOB closure). DOMAIN.md: report "no
 * retaliation documented (n candidates reviewed)", never "none occurred" — so `undetermined`
 * is a verdict of its own, not the absence of one.
 */
export const RETALIATION_VERDICTS = ['retaliation', 'not-retaliation', 'undetermined'] as const;
export type RetaliationVerdict = (typeof RETALIATION_VERDICTS)[number];

/** Longest note an analyst may attach to a verdict. */
export const RETALIATION_NOTE_MAX = 2000;

/** A presence episode's id as the deterrence read model names it (a stop, a TOB, a flight pass). */
export const EPISODE_ID = /^[A-Za-z0-9_-]{1,200}$/;

export type RetaliationAssessed = DomainEvent<
  'RetaliationAssessed',
  Readonly<{
    incidentId: string;
    /** The presence departure the incident was attributed to. */
    episodeId: string;
    verdict: RetaliationVerdict;
    note?: string;
    assessedAt: string;
  }>
>;

export type RetaliationEvent = RetaliationAssessed;
