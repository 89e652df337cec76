import { incidentsProjection, type IncidentView } from '@poc/projections';
import { EventLog, foldInBatches } from '@poc/projections/testing';
import type { Figure } from '../figure';
import { incidentsSection } from './incidents.section';

const MARCH = { from: '2020-03-01', to: '2020-03-31' };
const docsOf = (log: EventLog): IncidentView[] => [...(foldInBatches([incidentsProjection], log.events).get('incidents')!.values() as Iterable<IncidentView>)];
const figure = (figures: readonly Figure[], key: string) => figures.find((f) => f.key === key)!;

describe('the period report: incidents', () => {
  // Given: four reports of March and one of April, one retracted, one recorded only on 10 April,
  // one corrected on 5 April from a clash to an attack on civilians with 3 deaths.
  const log = new EventLog();
  log.incidentReported('i1', { kind: 'attack-on-civilians', fatalities: 2 }, { occurredAt: '2020-03-03T06:00:00.000Z', recordedAt: '2020-03-04T09:00:00.000Z' });
  log.incidentReported('i2', { kind: 'clash', targetsCivilians: false }, { occurredAt: '2020-03-10T06:00:00.000Z', recordedAt: '2020-03-10T12:00:00.000Z' });
  log.incidentCorrected('i2', { kind: 'attack-on-civilians', targetsCivilians: true, fatalities: 3 }, { occurredAt: '2020-04-05T08:00:00.000Z' });
  log.incidentReported('i3', { kind: 'abduction', targetsCivilians: false }, { occurredAt: '2020-03-20T06:00:00.000Z', recordedAt: '2020-04-10T08:00:00.000Z' });
  log.incidentReported('i4', { kind: 'looting' }, { occurredAt: '2020-03-25T06:00:00.000Z' });
  log.incidentRetracted('i4', 'duplicate report', '2020-03-26T06:00:00.000Z');
  log.incidentReported('i5', { kind: 'clash' }, { occurredAt: '2020-04-02T06:00:00.000Z' });
  const docs = docsOf(log);

  it('counts what was known at asOf: late reports out, corrections not yet recorded not applied, retractions never counted', () => {
    const { figures } = incidentsSection(docs, { ...MARCH, asOf: '2020-04-01T00:00:00.000Z' });
    expect(figure(figures, 'incidents.total').value).toBe(2); // i1, i2 (i3 recorded later, i4 retracted, i5 April)
    expect(figure(figures, 'incidents.kind.clash').value).toBe(1); // i2 as reported
    expect(figure(figures, 'incidents.targetingCivilians')).toMatchObject({ value: 1, of: 2, share: 0.5 });
    expect(figure(figures, 'incidents.fatalities').value).toBe(2);
  });

  it('counts what is known now with the correction and the late report', () => {
    const { figures } = incidentsSection(docs, { ...MARCH, asOf: '2020-06-01T00:00:00.000Z' });
    expect(figure(figures, 'incidents.total').value).toBe(3); // i1, i2, i3
    expect(figure(figures, 'incidents.kind.attack-on-civilians').value).toBe(2);
    expect(figure(figures, 'incidents.kind.abduction').value).toBe(1);
    expect(figure(figures, 'incidents.targetingCivilians')).toMatchObject({ value: 2, of: 3, share: 0.6667 });
    expect(figure(figures, 'incidents.fatalities').value).toBe(5);
  });

  it('names the route that lists what each figure counts', () => {
    const { figures } = incidentsSection(docs, { ...MARCH, asOf: '2020-06-01T00:00:00.000Z' });
    expect(figure(figures, 'incidents.total').trace).toBe('/incidents?from=2020-03-01&to=2020-03-31');
    expect(figure(figures, 'incidents.kind.clash').trace).toBe('/incidents?from=2020-03-01&to=2020-03-31&kind=clash');
  });
});
