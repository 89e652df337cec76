import { returnStreamId } from '@poc/domain';
import { EventLog, ProjectionSpecification } from '@poc/projections/testing';
import { returnsProjection } from './returns.projection';

const spec = ProjectionSpecification.for(returnsProjection);
const femaye = { returnId: 'r1', commune: 'Femaye', cercle: 'Djenné', region: 'Mopti', people: 3120, returnedAt: '2020-04-15T08:00:00.000Z' };

describe('returns projection', () => {
  it('ReturnAssisted: the return as recorded, with its record time', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(log.record(returnStreamId('r1'), 'ReturnAssisted', femaye, { occurredAt: femaye.returnedAt, recordedAt: '2020-04-16T09:00:00.000Z' }))
      .then({ r1: { ...femaye, recordedAt: '2020-04-16T09:00:00.000Z' } });
  });

  it('columns: commune, cercle, region, return and record times', () => {
    const log = new EventLog();
    spec.given([]).when(log.record(returnStreamId('r1'), 'ReturnAssisted', femaye, { occurredAt: femaye.returnedAt })).thenColumns({
      r1: { commune: 'Femaye', cercle: 'Djenné', region: 'Mopti', returned_at: femaye.returnedAt, recorded_at: femaye.returnedAt },
    });
  });
});
