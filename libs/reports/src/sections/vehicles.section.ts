import type { Fleet } from '@poc/projections';
import { count, part, type ReportSection } from '../figure';

/** The armoured fleet on the period's last day, as recorded by asOf (docs/readiness.md). */
export const vehiclesSection = (fleet: Fleet): ReportSection => {
  const trace = `/fleet?on=${fleet.on}${fleet.asOf ? `&asOf=${encodeURIComponent(fleet.asOf)}` : ''}`;
  const unusable = fleet.byStatus.find((s) => s.status === 'unusable')?.count ?? 0;
  return {
    id: 'vehicles',
    title: `Armoured vehicles on ${fleet.on}`,
    figures: [
      count('vehicles.total', 'armoured vehicles in the fleet', fleet.total, trace),
      ...fleet.byStatus.map((s) => part(`vehicles.status.${s.status}`, s.status, s.count, fleet.total, trace)),
      ...fleet.byCause.filter((c) => c.count > 0).map((c) => part(`vehicles.unusable.${c.cause}`, `unusable: ${c.cause}`, c.count, unusable, trace)),
      ...fleet.byContingent.map((c) => count(`vehicles.contingent.${c.contingent}`, `of ${c.contingent}`, c.total, `/vehicles?contingent=${encodeURIComponent(c.contingent)}`)),
      count('vehicles.writtenOff', 'written off by then (out of the fleet)', fleet.writtenOff, trace),
    ],
  };
};
