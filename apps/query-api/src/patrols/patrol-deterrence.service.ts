import { Injectable } from '@nestjs/common';
import {
  cellsWithin,
  incidentsProjection,
  patrolDeterrence,
  presencePoints,
  searchWindow,
  type PatrolDeterrence,
  type PatrolView,
} from '@poc/projections';
import { ReadModels } from '../shared/read-models.service';

/**
 * Fetches only the incidents that can matter — those in the H3 cells around the patrol's
 * presence points and inside its baseline-to-window days — then lets the pure function count.
 */
@Injectable()
export class PatrolDeterrenceService {
  constructor(private readonly readModels: ReadModels) {}

  async forPatrol(patrol: PatrolView & { endedAt: string }, radiusKm: number): Promise<PatrolDeterrence> {
    const cells = [...new Set(presencePoints(patrol).flatMap((p) => cellsWithin(p, radiusKm)))];
    const { from, to } = searchWindow(patrol);
    const incidents = await this.readModels.find(incidentsProjection, {
      where: [
        { column: 'status', op: '=', value: 'active' },
        { column: 'h3', op: 'in', value: cells },
        { column: 'occurred_day', op: '>=', value: from },
        { column: 'occurred_day', op: '<=', value: to },
      ],
    });
    return patrolDeterrence(patrol, incidents, { radiusKm, today: new Date().toISOString() });
  }
}
