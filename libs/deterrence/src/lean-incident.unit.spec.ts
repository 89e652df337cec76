import fc from 'fast-check';
import { DETERRENCE_INCIDENT_COLUMNS, incidentsProjection, type IncidentView, type ColumnValue } from '@poc/projections';
import { offsetKm } from '@poc/projections/testing';
import { computeDeterrence } from './compute-deterrence';
import { fromColumns } from './lean-incident';
import { episode, incident, noon, OGOSSAGOU } from '@poc/deterrence/testing';

/** The row GET /deterrence reads for an incident: its columns as the projection writes them. */
const rowOf = (view: IncidentView): ColumnValue[] => {
  const columns = incidentsProjection.columnsOf(view);
  return DETERRENCE_INCIDENT_COLUMNS.map((c) => (c === 'key' ? view.incidentId : columns[c]!));
};

const day = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2020, 1, 1 + d)).toISOString().slice(0, 10));
const incidentArb = fc
  .record({
    bearing: fc.integer({ min: 0, max: 359 }),
    km: fc.double({ min: 0, max: 30, noNaN: true }),
    at: day,
    lag: fc.integer({ min: 0, max: 10 }),
    precision: fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>,
    timePrecision: fc.constantFrom(1, 2, 3),
    civilians: fc.boolean(),
    unit: fc.option(fc.constantFrom('BANBAT-1', 'BANBAT-2'), { nil: undefined }),
    cercle: fc.option(fc.constantFrom('Bankass', 'Koro'), { nil: undefined }),
  })
  .map((x, i = 0): IncidentView => {
    const view = incident(`i${i}`, offsetKm(OGOSSAGOU, x.bearing, x.km), noon(x.at), {
      recordedAt: new Date(Date.parse(noon(x.at)) + x.lag * 86_400_000).toISOString(),
      precision: x.precision,
      timePrecision: x.timePrecision,
      targetsCivilians: x.civilians,
      ...(x.unit !== undefined && { reportingUnit: x.unit }),
    });
    // A location without a cercle, as the document has it.
    const { cercle: _cercle, ...location } = view.location;
    return x.cercle === undefined ? { ...view, location } : { ...view, location: { ...location, cercle: x.cercle } };
  });

describe('the engine view of an incident from its columns', () => {
  it('has the document’s values for every field the engine reads, and nothing for what it leaves out', () => {
    fc.assert(
      fc.property(incidentArb, (view) => {
        const { incidentId, status, occurredAt, recordedAt, timePrecision, targetsCivilians, reportingUnit } = view;
        const { lat, lon, precision, cercle, h3 } = view.location;
        expect(fromColumns(rowOf(view))).toStrictEqual({
          incidentId, status, occurredAt, recordedAt, timePrecision, targetsCivilians,
          ...(reportingUnit !== undefined && { reportingUnit }),
          location: { lat, lon, precision, h3, ...(cercle !== undefined && { cercle }) },
        });
      }),
    );
  });

  it('gives the engine the result of the documents, to the last bit', () => {
    const episodes = [episode('e0', OGOSSAGOU, noon('2020-02-20'), noon('2020-02-22')), episode('e1', offsetKm(OGOSSAGOU, 90, 8), noon('2020-03-05'), noon('2020-03-06'))];
    fc.assert(
      fc.property(fc.array(incidentArb, { maxLength: 30 }), (drawn) => {
        const views = drawn.map((v, i) => ({ ...v, incidentId: `i${i}` }));
        const common = { episodes, asOf: '2020-05-01T00:00:00.000Z', groupBy: ['unit' as const] };
        const lean = views.map((v) => fromColumns(rowOf(v))!);
        expect(computeDeterrence({ ...common, incidents: lean })).toEqual(computeDeterrence({ ...common, incidents: views }));
      }),
      { numRuns: 50 },
    );
  });

  it('is left to the document when the incident keeps superseded versions, or the row predates the columns', () => {
    const view = incident('i1', OGOSSAGOU, noon('2020-03-01'));
    const corrected: IncidentView = { ...view, corrections: 1, superseded: [{ until: noon('2020-03-02'), view }] };
    expect(fromColumns(rowOf(corrected))).toBeUndefined();
    const lat = DETERRENCE_INCIDENT_COLUMNS.indexOf('lat');
    const history = DETERRENCE_INCIDENT_COLUMNS.indexOf('history');
    const old = rowOf(view).map((v, i) => (i === lat || i === history ? null : v));
    expect(fromColumns(old)).toBeUndefined();
    expect(fromColumns(rowOf(view))).toBeDefined();
  });
});
