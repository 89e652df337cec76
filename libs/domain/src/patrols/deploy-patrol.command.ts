import type { Command } from '../shared/domain-event';
import { conflict } from '../shared/domain-error';
import { toArea } from '../shared/location';
import { assertNotInFuture } from '../shared/time';
import { toPatrolStops, type StopInput } from './patrol-stops';
import type { PatrolDeployed } from './patrol.events';
import type { PatrolState } from './patrol.state';

export type DeployPatrol = Command<
  'DeployPatrol',
  {
    patrolId: string;
    operation: string;
    unit: string;
    startedAt: string;
    area: { lat: number; lon: number; radiusKm: number };
    kind?: string;
    alertIds?: readonly string[];
    stops?: readonly StopInput[];
  }
>;

export const deployPatrol = ({ data, context }: DeployPatrol, state: PatrolState): PatrolDeployed[] => {
  if (state.status !== 'unknown') throw conflict(`patrol ${data.patrolId} was already deployed`);
  assertNotInFuture(data.startedAt, context.now, 'startedAt');
  return [
    {
      type: 'PatrolDeployed',
      occurredAt: data.startedAt,
      data: {
        patrolId: data.patrolId,
        operation: data.operation,
        unit: data.unit,
        ...(data.kind !== undefined && { kind: data.kind }),
        startedAt: data.startedAt,
        area: toArea(data.area, 'area'),
        stops: toPatrolStops(data.stops ?? [], context.now, { startedAt: data.startedAt }),
        alertIds: [...(data.alertIds ?? [])],
      },
    },
  ];
};
