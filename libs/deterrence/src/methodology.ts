/**
 * The deterrence methodology's fixed choices (docs/deterrence.md explains each and its
 * source). Every output carries METHODOLOGY_VERSION: bump the major on a change of meaning
 * (a rule, a window, an estimator), the minor on an added output, the patch on a fix that
 * changes numbers only where they were wrong.
 */
export const METHODOLOGY_VERSION = '1.0.0';

/** Day k = incident day − departure day; k = 1..14 is the post window (day 0 is transition). */
export const POST_WINDOW_DAYS = 14;
/** The 28 days before the arrival day. */
export const BASELINE_DAYS = 28;
export const DEFAULT_RADIUS_KM = 10;

/** A disk (innerKm 0) or a ring (innerKm < distance ≤ outerKm) around a presence point. */
export type Vicinity = Readonly<{ innerKm: number; outerKm: number }>;

export const disk = (radiusKm: number): Vicinity => ({ innerKm: 0, outerKm: radiusKm });
/** The ring where violence displaced (rather than deterred) would show. */
export const DISPLACEMENT_RING: Vicinity = { innerKm: 10, outerKm: 25 };
/** What every full computation reports besides the requested radius. */
export const STANDARD_VICINITIES: readonly Vicinity[] = [disk(5), disk(10), disk(25), DISPLACEMENT_RING];

export const vicinityLabel = (v: Vicinity): string => (v.innerKm === 0 ? `${v.outerKm}` : `${v.innerKm}-${v.outerKm}`);

/** Retaliation candidates: days after a departure (a TOB closure looks further). */
export const RETALIATION_DAYS = { default: 14, base: 30 } as const;

/** The horizon reads a trailing 3-day pooled rate. */
export const HORIZON_WINDOW_DAYS = 3;

/** A window is provisional until its end plus this percentile of recorded − occurred. */
export const REPORTING_LAG_PERCENTILE = 0.9;

export const CONFIDENCE = 0.95;
