import { EventLog, ProjectionSpecification } from '@poc/projections/testing';
import { flightHourAllotmentsProjection } from './flight-hour-allotments.projection';

const spec = ProjectionSpecification.for(flightHourAllotmentsProjection);

describe('flight hour allotments projection', () => {
  it('FlightHoursAllotted: the month and its hours', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(log.flightHoursAllotted('2020-03', 600, '2020-02-28T09:00:00.000Z'))
      .then({ '2020-03': { month: '2020-03', hours: 600, allottedAt: '2020-02-28T09:00:00.000Z', revisions: 1 } });
  });

  it('a revision replaces the hours in force and is counted; its note replaces the last', () => {
    const log = new EventLog();
    spec
      .given([log.flightHoursAllotted('2020-04', 600, '2020-03-30T09:00:00.000Z', 'plan')])
      .when(log.flightHoursAllotted('2020-04', 420, '2020-04-10T09:00:00.000Z', 'COVID-19: crews not rotated'))
      .then({ '2020-04': { month: '2020-04', hours: 420, allottedAt: '2020-04-10T09:00:00.000Z', note: 'COVID-19: crews not rotated', revisions: 2 } });
  });

  it('months stay apart; columns: the month', () => {
    const log = new EventLog();
    spec
      .given([log.flightHoursAllotted('2020-03', 600)])
      .when(log.flightHoursAllotted('2020-04', 500))
      .thenColumns({ '2020-04': { month: '2020-04' } });
  });
});
