import type { FlightView, PatrolView, TobSpeed } from '@poc/projections';
import { count, measure, part, type ReportSection } from '../figure';
import { rangeParams, type Period } from '../period';

/** Patrols started, flights dispatched and TOBs established in the period, with the TOBs' speed. */
export const operationsSection = (patrols: readonly PatrolView[], flights: readonly FlightView[], tobs: TobSpeed, period: Period): ReportSection => {
  const range = rangeParams(period);
  const operations = [...new Set(patrols.map((p) => p.operation))].sort();
  return {
    id: 'operations',
    title: 'Patrols, flights and temporary operating bases',
    figures: [
      count('operations.patrols', 'patrols started', patrols.length, `/patrols?${range}`),
      ...operations.map((op) => count(`operations.patrols.${op}`, `patrols of operation ${op}`, patrols.filter((p) => p.operation === op).length, `/patrols?${range}&operation=${encodeURIComponent(op)}`)),
      count('operations.overnightStops', 'overnight stops', patrols.reduce((n, p) => n + p.stops.filter((s) => s.overnight).length, 0), `/patrols?${range}`),
      count('operations.flights', 'flights dispatched', flights.length, `/flights?${range}`),
      count('operations.tobs', 'TOBs established', tobs.bases, `/bases/speed?${range}`),
      part('operations.tobsUnder48h', 'TOBs up within 48 h of their trigger attack', tobs.under48h, tobs.withTrigger, `/bases/speed?${range}`),
      measure('operations.tobMedianHours', 'median hours from the trigger attack to the TOB', tobs.medianHours, 'hours', `/bases/speed?${range}`),
    ],
  };
};
