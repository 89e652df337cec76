import type { FlightView, PatrolView } from '@poc/projections';
import { count, type ReportSection } from '../figure';
import { rangeParams, type Period } from '../period';

/** Patrols started and flights dispatched in the period (the TOBs have their own section). */
export const operationsSection = (patrols: readonly PatrolView[], flights: readonly FlightView[], period: Period): ReportSection => {
  const range = rangeParams(period);
  const operations = [...new Set(patrols.map((p) => p.operation))].sort();
  return {
    id: 'operations',
    title: 'Patrols and flights',
    figures: [
      count('operations.patrols', 'patrols started', patrols.length, `/patrols?${range}`),
      ...operations.map((op) => count(`operations.patrols.${op}`, `patrols of operation ${op}`, patrols.filter((p) => p.operation === op).length, `/patrols?${range}&operation=${encodeURIComponent(op)}`)),
      count('operations.overnightStops', 'overnight stops', patrols.reduce((n, p) => n + p.stops.filter((s) => s.overnight).length, 0), `/patrols?${range}`),
      count('operations.flights', 'flights dispatched', flights.length, `/flights?${range}`),
    ],
  };
};
