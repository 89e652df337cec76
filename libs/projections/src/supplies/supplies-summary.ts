import type { JusticeInstitutionKind } from '@poc/domain';
import type { SupplyDeliveryView } from './supply-deliveries.projection';

export type InstitutionsSupplied = Readonly<{
  /** Distinct institutions of the kind that received at least one delivery in the range. */
  institutions: number;
  /** Deliveries to them; one institution may have had several. */
  deliveries: number;
}>;

export type SuppliesSummary = Readonly<{ from: string | null; to: string | null; courts: InstitutionsSupplied; prisons: InstitutionsSupplied }>;

export type SuppliesRange = Readonly<{ from?: string; to?: string; asOf?: string }>;

/**
 * Institutions are told apart by kind and name, the name compared without case, accents or
 * extra spaces: "Tribunal de Mopti" and "tribunal de  mopti" are one court.
 */
export const institutionKey = (kind: JusticeInstitutionKind, name: string): string =>
  `${kind}:${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()}`;

const inRange = (d: SupplyDeliveryView, range: SuppliesRange): boolean =>
  (range.from === undefined || d.deliveredAt >= range.from) && (range.to === undefined || d.deliveredAt <= range.to) && (range.asOf === undefined || Date.parse(d.recordedAt) <= Date.parse(range.asOf));

/**
 * Pure: the courts and prisons supplied in from..to (inclusive ISO times), as recorded by
 * asOf. The letter's "21 courts and 34 prisons" count institutions, not deliveries: both
 * are given, `institutions` is the letter's figure.
 */
export const suppliesSummary = (deliveries: readonly SupplyDeliveryView[], range: SuppliesRange = {}): SuppliesSummary => {
  const counted = deliveries.filter((d) => inRange(d, range));
  const of = (kind: JusticeInstitutionKind): InstitutionsSupplied => {
    const mine = counted.filter((d) => d.institutionKind === kind);
    return { institutions: new Set(mine.map((d) => institutionKey(kind, d.institution))).size, deliveries: mine.length };
  };
  return { from: range.from ?? null, to: range.to ?? null, courts: of('court'), prisons: of('prison') };
};
