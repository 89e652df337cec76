import { ProjectionSpecification, EventLog, PLACES, at } from '@poc/projections/testing';
import { iedsProjection, type IedView } from './ieds.projection';

const spec = ProjectionSpecification.for(iedsProjection);

const detectedAt = '2020-05-10T07:30:00.000Z';
const location = at(PLACES.gao, { cercle: 'Gao', region: 'Gao' });

const detectedView: IedView = { iedId: 'x1', status: 'detected', detectedAt, location, unit: 'EOD-2', convoyId: 'c7', method: 'route clearance', axis: null };

const detect = (log: EventLog) => log.iedDetected('x1', { detectedAt, location, unit: 'EOD-2', convoyId: 'c7', method: 'route clearance' });

describe('ieds projection', () => {
  it('IedDetected: a detected device', () => {
    const log = new EventLog();
    spec.given([]).when(detect(log)).then({ x1: detectedView });
  });

  it('IedNeutralized: resolved, no casualties field when none given', () => {
    const log = new EventLog();
    spec
      .given([detect(log)])
      .when(log.iedNeutralized('x1', '2020-05-10T09:00:00.000Z'))
      .then({ x1: { ...detectedView, status: 'neutralized', resolvedAt: '2020-05-10T09:00:00.000Z' } });
  });

  it('IedDetonated: resolved with casualties', () => {
    const log = new EventLog();
    spec
      .given([detect(log)])
      .when(log.iedDetonated('x1', '2020-05-10T08:00:00.000Z', 2))
      .then({ x1: { ...detectedView, status: 'detonated', resolvedAt: '2020-05-10T08:00:00.000Z', casualties: 2 } });
  });

  it('IedDetected v2: the axis the device was on', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(log.iedDetected('x2', { detectedAt, location, axis: 'Gao–Ansongo–Labbezanga' }))
      .then((docs) => expect(docs.get('x2')!.axis).toBe('Gao–Ansongo–Labbezanga'));
  });

  it('zero casualties are recorded, not dropped', () => {
    const log = new EventLog();
    spec
      .given([detect(log)])
      .when(log.iedDetonated('x1', '2020-05-10T08:00:00.000Z', 0))
      .then((docs) => expect(docs.get('x1')!.casualties).toBe(0));
  });

  it('columns: status, detection time, cercle, region, cell', () => {
    const log = new EventLog();
    spec
      .given([detect(log)])
      .when(log.iedNeutralized('x1', '2020-05-10T09:00:00.000Z'))
      .thenColumns({ x1: { status: 'neutralized', detected_at: detectedAt, cercle: 'Gao', region: 'Gao', h3: location.h3 } });
  });

  it('a resolution of an unknown device creates nothing', () => {
    const log = new EventLog();
    spec.given([]).when([log.iedNeutralized('x9'), log.iedDetonated('x9')]).then({ x9: undefined });
  });
});
