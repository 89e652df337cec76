import { ALL_PROJECTIONS, incidentsProjection, type Projection, type ProjectionBuild } from '@poc/projections';
import { CliError } from '../shared/cli-error';
import { renderReport } from './rebuild.command';
import { findProjection, isOutdated, selectProjections } from './select-projections';

const built = (versions: Record<string, number>): Map<string, ProjectionBuild> =>
  new Map(Object.entries(versions).map(([projection, version]) => [projection, { projection, version, generation: 0, builtAt: '2020-01-01T00:00:00.000Z' }]));
const current = built(Object.fromEntries(ALL_PROJECTIONS.map((p) => [p.name, p.version])));
const names = (ps: readonly Projection[]) => ps.map((p) => p.name);

describe('choosing what to rebuild', () => {
  it('all, or one by its name or its collection name', () => {
    expect(names(selectProjections(ALL_PROJECTIONS, current, 'all', false))).toEqual(names(ALL_PROJECTIONS));
    expect(names(selectProjections(ALL_PROJECTIONS, current, 'incidents', false))).toEqual(['incidents']);
    expect(findProjection(ALL_PROJECTIONS, 'retaliation_verdicts').name).toBe('retaliation-verdicts');
  });

  it('an unknown name is an error that lists the known ones', () => {
    expect(() => selectProjections(ALL_PROJECTIONS, current, 'deterence', false)).toThrow(CliError);
    expect(() => selectProjections(ALL_PROJECTIONS, current, 'deterence', false)).toThrow(/unknown projection "deterence": one of alerts, incidents, .*, or all/);
    expect(() => selectProjections(ALL_PROJECTIONS, current, undefined, false)).toThrow(/rebuild what\?/);
  });

  it('--outdated: those built with another version than the code, among those named', () => {
    const withOld = new Map([...current, ...built({ incidents: incidentsProjection.version - 1, alerts: 99 })]);
    expect(names(selectProjections(ALL_PROJECTIONS, withOld, undefined, true))).toEqual(['alerts', 'incidents']);
    expect(names(selectProjections(ALL_PROJECTIONS, withOld, 'incidents', true))).toEqual(['incidents']);
    expect(names(selectProjections(ALL_PROJECTIONS, withOld, 'patrols', true))).toEqual([]);
    expect(selectProjections(ALL_PROJECTIONS, current, undefined, true)).toEqual([]);
  });

  it('a projection never recorded is current: its first writer runs this code', () => {
    expect(isOutdated(incidentsProjection as Projection, new Map())).toBe(false);
  });
});

describe('the rebuild report', () => {
  it('names each read model with its version, generation and size, then the rate and the swap', () => {
    const text = renderReport({
      prepareMs: 0,
      projections: [
        { name: 'alerts', version: 2, generation: 3, documents: 20, resumedFrom: 0 },
        { name: 'incidents', version: 1, generation: 1, documents: 302, resumedFrom: 200 },
      ],
      fromPosition: 0,
      position: 459,
      events: 459,
      finalEvents: 2,
      seconds: 0.5,
      swapMs: 12,
    });
    expect(text).toBe(
      [
        'swapped in at position 459:',
        '  alerts                   v2   generation 3          20 documents',
        '  incidents                v1   generation 1         302 documents  (resumed from 200)',
        '459 events in 0.50 s (918 events/s); the swap took 12 ms, with 2 event(s) caught up inside it',
        '',
      ].join('\n'),
    );
  });

  it('says how long building the shadows\' indexes took before the swap, when it took any time', () => {
    const report = { projections: [], fromPosition: 0, position: 10, events: 10, finalEvents: 0, seconds: 1, swapMs: 5 };
    expect(renderReport({ ...report, prepareMs: 1500 })).toContain('the swap took 5 ms, with 0 event(s) caught up inside it (indexes built beforehand in 1500 ms)\n');
    expect(renderReport({ ...report, prepareMs: 0 })).toContain('caught up inside it\n');
  });
});
