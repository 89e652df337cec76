import { ProjectionSpecification, EventLog, PLACES, at } from '@poc/projections/testing';
import { basesProjection, type BaseView } from './bases.projection';

const spec = ProjectionSpecification.for(basesProjection);

const establishedAt = '2020-03-24T10:00:00.000Z';
const location = at(PLACES.ogossagou, { place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' });

const openView: BaseView = { baseId: 'b1', status: 'open', name: 'TOB Ogossagou', establishedAt, location, triggerIncidentId: 'i1' };

const establish = (log: EventLog) => log.baseEstablished('b1', { establishedAt, location, name: 'TOB Ogossagou', triggerIncidentId: 'i1' });

describe('bases projection', () => {
  it('OperatingBaseEstablished: an open base, with the attack that triggered it', () => {
    const log = new EventLog();
    spec.given([]).when(establish(log)).then({ b1: openView });
  });

  it('OperatingBaseClosed: closed, with its closing time', () => {
    const log = new EventLog();
    spec
      .given([establish(log)])
      .when(log.baseClosed('b1', '2020-04-30T12:00:00.000Z'))
      .then({ b1: { ...openView, status: 'closed', closedAt: '2020-04-30T12:00:00.000Z' } });
  });

  it('columns: status, establishment, cercle, cell', () => {
    const log = new EventLog();
    spec
      .given([establish(log)])
      .when(log.baseClosed('b1', '2020-04-30T12:00:00.000Z'))
      .thenColumns({ b1: { status: 'closed', established_at: establishedAt, cercle: 'Bankass', h3: location.h3 } });
  });

  it('a base without name or trigger has neither', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(log.baseEstablished('b2', { establishedAt, location: at(PLACES.koro) }))
      .then({ b2: { baseId: 'b2', status: 'open', establishedAt, location: at(PLACES.koro) } });
  });

  it('the closing of an unknown base creates nothing', () => {
    const log = new EventLog();
    spec.given([]).when(log.baseClosed('b9')).then({ b9: undefined });
  });
});
