import type { AlertView, ResponseRate } from '@poc/projections';
import { count, measure, part, type ReportSection } from '../figure';
import { rangeParams, type Period } from '../period';

/** Early warning: alerts received in the period and the mandate's response rate (docs/response-rate.md). */
export const alertsSection = (alerts: readonly AlertView[], rate: ResponseRate, period: Period): ReportSection => {
  const trace = `/alerts?${rangeParams(period)}`;
  const flash = alerts.filter((a) => a.triage?.priority === 'flash').length;
  return {
    id: 'alerts',
    title: 'Early warning and response',
    figures: [
      count('alerts.received', 'alerts received', alerts.length, trace),
      part('alerts.flash', 'triaged flash', flash, alerts.length, trace),
      count('alerts.actionable', 'actionable (not closed as unfounded)', rate.actionable, `/response-rate?${rangeParams(period)}`),
      part('alerts.responded', 'answered by a flight or a patrol', rate.responded, rate.actionable, `/response-rate?${rangeParams(period)}`),
      measure('alerts.medianMinutesToResponse', 'median minutes to the first response', rate.medianMinutesToResponse, 'minutes', `/response-rate?${rangeParams(period)}`),
    ],
    notes: ['alerts, flights and patrols keep no history: these figures are as the read models stand now, not as of asOf'],
  };
};
