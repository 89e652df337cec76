import type { JudicialSummary, ReturnsReport, SuppliesSummary } from '@poc/projections';
import { count, part, type ReportSection } from '../figure';
import { rangeParams, type Period } from '../period';

const asOfParam = (period: Period) => `asOf=${encodeURIComponent(period.asOf)}`;

/** The specialised judicial unit on the period's last day (counts and case references only). */
export const judicialSection = (summary: JudicialSummary, period: Period): ReportSection => {
  const trace = `/judicial/summary?on=${summary.on}&${asOfParam(period)}`;
  const open = summary.underInvestigation;
  return {
    id: 'judicial',
    title: `Judicial support, on ${summary.on}`,
    figures: [
      count('judicial.underInvestigation', 'cases under investigation', open.total, trace),
      part('judicial.underInvestigation.terrorism', 'of them terrorism-related', open.byCategory.terrorism, open.total, trace),
      part('judicial.underInvestigation.transnational-organised-crime', 'of them transnational organised crime', open.byCategory['transnational-organised-crime'], open.total, trace),
      count('judicial.referredToTrial', 'cases referred to trial', summary.byStatus['referred-to-trial'], trace),
      count('judicial.detainedForCrimesAgainstPeacekeepers', 'people detained for crimes against peacekeepers', summary.detained.crimesAgainstPeacekeepers, trace, 'people'),
      count('judicial.convicted', 'people convicted', summary.convicted.total, trace, 'people'),
    ],
    notes: ['people are counted per record: the records hold no names, so one person on two cases counts twice'],
  };
};

/** Displaced people helped back, per commune, and the justice institutions supplied in the period. */
export const returnsAndSuppliesSection = (returns: ReturnsReport, supplies: SuppliesSummary, period: Period): ReportSection => {
  const range = `${rangeParams(period)}&${asOfParam(period)}`;
  return {
    id: 'returns',
    title: 'Returns and supplies',
    figures: [
      count('returns.people', 'displaced people helped to return', returns.people, `/returns?${range}`, 'people'),
      ...returns.communes.map((c) => count(`returns.${c.cercle}.${c.commune}`, `to ${c.commune} (${c.cercle} cercle)`, c.people, `/returns?${range}`, 'people')),
      count('supplies.courts', 'courts supplied', supplies.courts.institutions, `/supplies/summary?${range}`),
      count('supplies.prisons', 'prisons supplied', supplies.prisons.institutions, `/supplies/summary?${range}`),
      count('supplies.deliveries', 'deliveries to justice institutions', supplies.courts.deliveries + supplies.prisons.deliveries, `/supplies/summary?${range}`),
    ],
  };
};
