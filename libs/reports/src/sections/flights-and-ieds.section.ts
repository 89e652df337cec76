import type { FlightHoursByPurpose, IedSummary } from '@poc/projections';
import { count, measure, part, type ReportSection } from '../figure';
import { rangeParams, type Period } from '../period';

/** Flight hours by purpose against the allotment, the period as a whole and month by month. */
export const flightHoursSection = (hours: FlightHoursByPurpose, period: Period): ReportSection => {
  const trace = `/flights/hours?${rangeParams(period)}`;
  const t = hours.totals;
  return {
    id: 'flightHours',
    title: 'Flights by purpose and flight hours',
    figures: [
      count('flightHours.sorties', 'sorties', t.sorties, trace),
      measure('flightHours.hours', 'flight hours', t.hours, 'hours', trace),
      measure('flightHours.allotted', 'hours allotted (months with an allotment)', t.allottedHours, 'hours', trace),
      measure('flightHours.shareUsed', 'share of the allotment used', t.shareUsed, 'ratio', trace),
      ...t.byPurpose.flatMap((p) => [
        count(`flightHours.${p.purpose}.sorties`, `${p.purpose}: sorties`, p.sorties, trace),
        measure(`flightHours.${p.purpose}.hours`, `${p.purpose}: hours`, p.hours, 'hours', trace),
      ]),
      ...hours.months.map((m) => measure(`flightHours.month.${m.month}`, `hours in ${m.month}${m.allottedHours === null ? '' : ` (of ${m.allottedHours} allotted)`}`, m.hours, 'hours', trace)),
    ],
    notes: ['a flight counts in the month it took off; one still airborne adds a sortie and no hours'],
  };
};

/** IEDs found in the period: neutralised before going off against those that went off, and per convoy. */
export const iedsSection = (summary: IedSummary, period: Period): ReportSection => {
  const trace = `/ieds/summary?${rangeParams(period)}`;
  const t = summary.totals;
  const best = summary.convoys[0];
  return {
    id: 'ieds',
    title: 'IEDs: the share neutralised',
    figures: [
      count('ieds.found', 'IEDs found or gone off', t.found, trace),
      part('ieds.neutralised', 'neutralised before going off', t.neutralised, t.neutralised + t.detonated, trace),
      count('ieds.detonated', 'went off', t.detonated, trace),
      count('ieds.casualties', 'casualties from those that went off', t.casualties, trace, 'people'),
      ...summary.byMonth.map((m) => part(`ieds.month.${m.month}.neutralised`, `${m.month}: neutralised`, m.neutralised, m.neutralised + m.detonated, trace)),
      ...(best ? [count('ieds.mostClearedOnOneConvoy', `most cleared on one convoy escort (${best.convoyId})`, best.cleared, trace)] : []),
    ],
    notes: ['the share is neutralised / (neutralised + went off); devices not yet dealt with are on neither side'],
  };
};
