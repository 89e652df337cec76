import { DomainError } from '@poc/domain';
import { buffaloScenario, DEMO_SEED, type Step } from './buffalo-scenario';
import { deciderOf } from './scenario-step';

type AnyCommand = Step['command'];
type DataOf<T extends AnyCommand['type']> = Extract<AnyCommand, { type: T }>['data'];

const HOUR_MS = 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const steps = buffaloScenario(DEMO_SEED);
const stepsOf = (type: AnyCommand['type']): Step[] => steps.filter((s) => s.command.type === type);
const dataOf = <T extends AnyCommand['type']>(type: T): DataOf<T>[] => stepsOf(type).map((s) => s.command.data as DataOf<T>);

/** Fold every step through its decider, as the store would, and name the first refusal. */
const replay = (all: readonly Step[]): Map<string, unknown> => {
  const states = new Map<string, unknown>();
  for (const s of all) {
    const decider = deciderOf(s);
    const state = states.has(s.streamId) ? states.get(s.streamId) : decider.initialState();
    try {
      states.set(s.streamId, decider.decide(s.command, state).reduce(decider.evolve, state));
    } catch (error) {
      const reason = error instanceof DomainError ? error.message : String(error);
      throw new Error(`${s.command.type} on ${s.streamId} at ${s.at} refused: ${reason}`);
    }
  }
  return states;
};

describe('the Buffalo scenario', () => {
  it('is the same for the same seed, and another for another seed', () => {
    expect(buffaloScenario(DEMO_SEED)).toEqual(steps);
    expect(buffaloScenario(DEMO_SEED + 1)).not.toEqual(steps);
  });

  it('is in the order of the simulated server clock, which every command carries', () => {
    const times = steps.map((s) => Date.parse(s.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(steps.every((s) => s.command.context.now === s.at)).toBe(true);
  });

  it.each([DEMO_SEED, 1, 2, 3])('never meets a domain refusal (seed %i)', (seed) => {
    expect(() => replay(buffaloScenario(seed))).not.toThrow();
  });

  it('uses UUID-shaped ids and stream ids of the form <category>-<uuid>', () => {
    expect(steps.every((s) => UUID.test(s.streamId.slice(s.streamId.indexOf('-') + 1)))).toBe(true);
  });

  it('has a dozen Buffalo patrols with 2–4 overnight stops each, all completed', () => {
    const deployed = dataOf('DeployPatrol');
    expect(deployed.length).toBeGreaterThanOrEqual(10);
    expect(deployed.length).toBeLessThanOrEqual(14);
    expect(deployed.every((p) => p.operation === 'Buffalo')).toBe(true);
    const completed = dataOf('CompletePatrol');
    expect(completed).toHaveLength(deployed.length);
    for (const { stops = [] } of completed) {
      expect(stops.length).toBeGreaterThanOrEqual(2);
      expect(stops.length).toBeLessThanOrEqual(4);
      expect(stops.every((s) => s.overnight && ['Koro', 'Bankass', 'Bandiagara'].includes(s.cercle!) && s.region === 'Mopti')).toBe(true);
    }
  });

  it('has about 300 incidents in the Buffalo cercles, some late, imprecise, corrected or retracted', () => {
    const reports = stepsOf('ReportIncident');
    expect(reports.length).toBeGreaterThanOrEqual(250);
    expect(reports.length).toBeLessThanOrEqual(350);
    const data = reports.map((s) => s.command.data as DataOf<'ReportIncident'>);
    expect(data.every((d) => ['Koro', 'Bankass', 'Bandiagara'].includes(d.location.cercle!))).toBe(true);
    const lags = reports.map((s) => (Date.parse(s.at) - Date.parse((s.command.data as DataOf<'ReportIncident'>).occurredAt)) / HOUR_MS);
    const late = lags.filter((h) => h >= 24).length / lags.length;
    expect(late).toBeGreaterThan(0.2);
    expect(late).toBeLessThan(0.4);
    expect(Math.max(...lags)).toBeLessThanOrEqual(11 * 24);
    expect(data.some((d) => d.timePrecision === 2)).toBe(true);
    expect(data.some((d) => d.location.precision === 2 || d.location.precision === 3)).toBe(true);
    const kinds = data.map((d) => d.kind);
    const share = (k: string): number => kinds.filter((x) => x === k).length / kinds.length;
    expect(share('attack-on-civilians') + share('clash')).toBeGreaterThan(0.6);
    expect(stepsOf('CorrectIncident').length).toBeGreaterThanOrEqual(3);
    expect(stepsOf('RetractIncident').length).toBeGreaterThanOrEqual(1);
    expect(stepsOf('RetractIncident').length).toBeLessThanOrEqual(2);
  });

  it('has about twenty hotline alerts, triaged, mostly answered by flights, all closed', () => {
    const alerts = dataOf('ReceiveAlert');
    expect(alerts.length).toBeGreaterThanOrEqual(15);
    expect(alerts.length).toBeLessThanOrEqual(25);
    expect(alerts.every((a) => a.channel === 'hotline')).toBe(true);
    expect(dataOf('TriageAlert')).toHaveLength(alerts.length);
    expect(dataOf('CloseAlert')).toHaveLength(alerts.length);
    const ids = new Set(alerts.map((a) => a.alertId));
    const flights = dataOf('DispatchFlight');
    expect(flights.length).toBeGreaterThan(alerts.length / 2);
    expect(flights.every((f) => f.alertIds?.length === 1 && ids.has(f.alertIds[0]!))).toBe(true);
    const completions = dataOf('CompleteFlight');
    expect(completions).toHaveLength(flights.length);
    expect(completions.every((c) => c.overTargetFrom && c.overTargetTo)).toBe(true);
    expect(completions.filter((c) => c.outcome === 'dispersal-observed').length).toBeGreaterThan(completions.length / 2);
  });

  it('answers the Ogossagou and Dioungani attacks with a TOB within 48 hours, later closed', () => {
    const incidents = new Map(dataOf('ReportIncident').map((d) => [d.incidentId, d]));
    const reportedAt = new Map(stepsOf('ReportIncident').map((s) => [(s.command.data as DataOf<'ReportIncident'>).incidentId, s.at]));
    const bases = stepsOf('EstablishBase');
    expect(bases.map((b) => (b.command.data as DataOf<'EstablishBase'>).location.place).sort()).toEqual(['Dioungani', 'Ogossagou']);
    for (const base of bases) {
      const { triggerIncidentId, establishedAt } = base.command.data as DataOf<'EstablishBase'>;
      const trigger = incidents.get(triggerIncidentId!)!;
      const hours = (Date.parse(establishedAt) - Date.parse(trigger.occurredAt)) / HOUR_MS;
      expect(hours).toBeGreaterThan(0);
      expect(hours).toBeLessThan(48);
      expect(Date.parse(reportedAt.get(trigger.incidentId)!)).toBeLessThan(Date.parse(base.at));
    }
    expect(stepsOf('CloseBase')).toHaveLength(bases.length);
  });

  it('has IEDs on the Gao–Labbezanga axis, most neutralised, one detonated, five on the March convoy', () => {
    const found = dataOf('DetectIed');
    expect(found.length).toBeGreaterThanOrEqual(6);
    expect(found.length).toBeLessThanOrEqual(10);
    expect(found.every((d) => d.location.region === 'Gao' && d.unit?.startsWith('Convoy escort company'))).toBe(true);
    const neutralised = found.filter((d) => d.status === 'neutralized').length + stepsOf('NeutralizeIed').length;
    expect(found.filter((d) => d.status === 'detonated')).toHaveLength(1);
    expect(neutralised).toBe(found.length - 1);
    const perConvoy = new Map<string, number>();
    for (const d of found.filter((f) => f.detectedAt.startsWith('2020-03'))) perConvoy.set(d.convoyId!, (perConvoy.get(d.convoyId!) ?? 0) + 1);
    expect([...perConvoy.values()]).toContain(5);
  });
});
