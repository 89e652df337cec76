import { alertsProjection, alertsQuery, type AlertView } from '@poc/projections';
import type { ReadModels } from '../shared/read-models.service';
import { areaFilter, hasAreaFilter, type GeoQuery } from './geo-filters';

/**
 * The ids of the alerts in the cercle/region asked for, or undefined when none is asked:
 * flights and patrols name no cercle of their own (a target or an area is a circle), so they
 * are in a cercle when an alert they answer is.
 */
export const alertsInArea = async (readModels: ReadModels, query: Pick<GeoQuery, 'cercle' | 'region'>): Promise<ReadonlySet<string> | undefined> => {
  if (!hasAreaFilter(query)) return undefined;
  const inArea = areaFilter(query);
  // Every received alert (any status) in the cercle, if one is asked; the region is tested here.
  const alerts = await readModels.find<AlertView>(alertsProjection, alertsQuery({ cercle: query.cercle }));
  return new Set(alerts.filter((a) => a.location && inArea(a.location)).map((a) => a.alertId));
};

export const answersAny = (alertIds: readonly string[], alerts: ReadonlySet<string> | undefined): boolean =>
  alerts === undefined || alertIds.some((id) => alerts.has(id));
