import { Injectable } from '@nestjs/common';
import {
  fetchPlan,
  incidentsProjection,
  presencesProjection,
  retaliationVerdictsProjection,
  verdictsByIncident,
  type Condition,
  type Episode,
  type IncidentView,
  type PresenceView,
  type RetaliationVerdictView,
} from '@poc/projections';
import { ReadModels } from '../shared/read-models.service';

export type EngineInputs = Readonly<{ episodes: Episode[]; incidents: IncidentView[]; retaliationVerdicts: ReturnType<typeof verdictsByIncident> }>;

/**
 * Fetches what the pure engine needs, through indexes only: the focal presences, every
 * presence overlapping their windows (they censor and take incidents), and the incidents in
 * the H3 cells and days the fetch plan names. No scan of all episodes × all incidents.
 */
@Injectable()
export class DeterrenceInputs {
  constructor(private readonly readModels: ReadModels) {}

  async forPresences(focal: readonly PresenceView[], options: { radiusKm: number; asOf: string }): Promise<EngineInputs> {
    const focalEpisodes = focal.flatMap((p) => p.episodes);
    const plan = fetchPlan(focalEpisodes, options);
    if (focalEpisodes.length === 0) return { episodes: [], incidents: [], retaliationVerdicts: verdictsByIncident([]) };
    const overlapping = await this.readModels.find(presencesProjection, {
      where: [{ column: 'arrival', op: '<=', value: `${plan.presenceDays.to}T23:59:59.999Z` }],
    });
    const episodes = overlapping
      .filter((p) => p.status === 'under-way' || p.episodes.some((e) => !e.departedAt || e.departedAt.slice(0, 10) >= plan.presenceDays.from))
      .flatMap((p) => p.episodes);
    const days: Condition[] = [
      { column: 'occurred_day', op: '>=', value: plan.incidentDays.from },
      { column: 'occurred_day', op: '<=', value: plan.incidentDays.to },
    ];
    const [near, coarse] = await Promise.all([
      this.readModels.find(incidentsProjection, { where: [{ column: 'h3', op: 'in', value: plan.cells }, ...days] }),
      plan.cercles.length === 0
        ? Promise.resolve([])
        : this.readModels.find(incidentsProjection, {
            where: [{ column: 'geo_precision', op: '=', value: 3 }, { column: 'cercle', op: 'in', value: plan.cercles }, ...days],
          }),
    ]);
    const incidents = [...new Map([...near, ...coarse].map((i) => [i.incidentId, i])).values()];
    const verdicts = await this.readModels.find<RetaliationVerdictView>(retaliationVerdictsProjection, {
      where: [{ column: 'key', op: 'in', value: incidents.map((i) => i.incidentId) }],
    });
    return { episodes, incidents, retaliationVerdicts: verdictsByIncident(verdicts) };
  }
}
