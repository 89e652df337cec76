import type { Projection, ProjectionBuild } from '@poc/projections';
import { CliError } from '../shared/cli-error';

/** A projection by its name (`retaliation-verdicts`) or its collection's (`retaliation_verdicts`). */
export const findProjection = (all: readonly Projection[], name: string): Projection => {
  const found = all.find((p) => p.name === name || p.collection.name === name);
  if (!found) throw new CliError(`unknown projection "${name}": one of ${all.map((p) => p.name).join(', ')}, or all`);
  return found;
};

/** Built with another version than the code's (a projection never recorded counts as current: its first writer runs this code). */
export const isOutdated = (projection: Projection, builds: ReadonlyMap<string, ProjectionBuild>): boolean => {
  const built = builds.get(projection.name);
  return built !== undefined && built.version !== projection.version;
};

/** `rebuild <name|all>`, `rebuild --outdated`, or both (the outdated among those named). */
export const selectProjections = (
  all: readonly Projection[],
  builds: ReadonlyMap<string, ProjectionBuild>,
  target: string | undefined,
  outdated: boolean,
): Projection[] => {
  if (!target && !outdated) throw new CliError('rebuild what? a projection name, all, or --outdated');
  const named = !target || target === 'all' ? [...all] : [findProjection(all, target)];
  return outdated ? named.filter((p) => isOutdated(p, builds)) : named;
};
