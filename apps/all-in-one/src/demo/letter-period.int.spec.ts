import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '@poc/domain';
import { readerOf } from '@poc/deterrence';
import { SqliteEventStore } from '@poc/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteReadModelStore } from '@poc/projections';
import { gatherPeriodReport, renderMarkdown, type PeriodReport } from '@poc/reports';
import { LETTER_PERIOD, letterPeriodScenario } from './letter-period';
import { seedScenario } from './seed';

const END = `${LETTER_PERIOD.to}T23:59:59.999Z`;

// The letter's figures as CONTEXT.md retells them, written here rather than taken from the
// demo's own constants: the demo must produce them, it does not get to define them.
const LETTER_FLEET = { total: 550, inUse: 479, underMaintenance: 30, unusable: 41 } as const;
const LETTER_EVALUATIONS = {
  military: { units: 24, excellent: 1, satisfactory: 15, shortfalls: 4, needsImprovement: 4, unitsWithPlans: 17 },
  formedPolice: { units: 10, satisfactory: 10 },
  undeclaredCaveats: 0,
} as const;
const LETTER_JUSTICE = {
  underInvestigation: 618,
  terrorism: 319,
  organisedCrime: 77,
  detainedForCrimesAgainstPeacekeepers: 13,
  convicted: 0,
  returnedToFemaye: 3120,
  courtsSupplied: 21,
  prisonsSupplied: 34,
} as const;
const LETTER_DOUNA_PEN = { mediationMissionsInKoro: 4 } as const;
type Data = Record<string, unknown> & { at?: string };

/**
 * `npm run demo`'s history gives the letter's figures (CONTEXT.md): each is counted here from
 * the stored events by hand, compared with the letter, and the period report must say the same.
 */
describe('the demo reproduces the letter of 1 June 2020', () => {
  let dir: string;
  let events: StoredEvent[];
  let report: PeriodReport;
  const figure = (key: string) => report.sections.flatMap((s) => s.figures).find((f) => f.key === key)?.value;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'poc-letter-'));
    const store = new SqliteEventStore(join(dir, 'events.db'));
    await seedScenario(store, letterPeriodScenario());
    events = [];
    for (let page = await store.readAll({ limit: 5000 }); page.length > 0; page = await store.readAll({ fromPosition: events.at(-1)!.position, limit: 5000 })) events.push(...page);
    await store.close();
    const db = new Database(join(dir, 'rm.sqlite'));
    const readModels = new SqliteReadModelStore(db);
    const runner = new ProjectionRunner(readModels, ALL_PROJECTIONS);
    await runner.init();
    for (let i = 0; i < events.length; i += 500) await runner.handle(events.slice(i, i + 500));
    report = await gatherPeriodReport(readerOf(readModels), { ...LETTER_PERIOD, asOf: '2020-06-01T00:00:00.000Z' });
    db.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ofType = (type: string): (Data & { streamId: string })[] => events.filter((e) => e.type === type).map((e) => ({ ...(e.data as Data), streamId: e.streamId }));

  it('armoured vehicles on 20 May: 550, 479 in daily use, 30 under maintenance, 41 unusable', () => {
    const status = new Map<string, string>();
    for (const e of events) {
      const d = e.data as Data;
      if (e.type === 'VehicleRegistered' && (d.registeredAt as string) <= END) status.set(e.streamId, (d.status as string | undefined) ?? 'in-use');
      if (e.type === 'VehicleStatusChanged' && (d.at as string) <= END) status.set(e.streamId, d.status as string);
    }
    const counted = (s: string) => [...status.values()].filter((v) => v === s).length;
    expect({ total: status.size, inUse: counted('in-use'), underMaintenance: counted('under-maintenance'), unusable: counted('unusable') })
      .toEqual({ total: LETTER_FLEET.total, inUse: LETTER_FLEET.inUse, underMaintenance: LETTER_FLEET.underMaintenance, unusable: LETTER_FLEET.unusable });
    expect(figure('vehicles.total')).toBe(LETTER_FLEET.total);
    expect(figure('vehicles.status.in-use')).toBe(LETTER_FLEET.inUse);
    expect(figure('vehicles.status.under-maintenance')).toBe(LETTER_FLEET.underMaintenance);
    expect(figure('vehicles.status.unusable')).toBe(LETTER_FLEET.unusable);
    const share = report.sections.flatMap((s) => s.figures).find((f) => f.key === 'vehicles.status.in-use')!.share!;
    expect(Math.round(share * 100)).toBe(87);
    // The letter's percentages, as the Markdown annex prints them.
    const annex = renderMarkdown(report);
    const printed = { 'in-use': [LETTER_FLEET.inUse, '87.1%'], 'under-maintenance': [LETTER_FLEET.underMaintenance, '5.5%'], unusable: [LETTER_FLEET.unusable, '7.5%'] } as const;
    for (const [status, [n, pct]] of Object.entries(printed)) expect(annex).toContain(`| ${status} | ${n} | ${pct} of 550 |`);
  });

  it('the judicial unit to 20 May: 618 under investigation, 319 terrorism, 77 organised crime, 13 detained, none convicted', () => {
    const opened = ofType('JudicialCaseOpened');
    const moved = new Set(ofType('JudicialCaseStatusChanged').filter((d) => (d.at as string) <= END).map((d) => d.streamId));
    const open = opened.filter((d) => (d.openedAt as string) <= END && !moved.has(d.streamId));
    const detained = ofType('DetentionsRecorded').filter((d) => d.crimesAgainstPeacekeepers && (d.at as string) <= END).reduce((n, d) => n + (d.people as number), 0);
    const convicted = ofType('ConvictionsRecorded').reduce((n, d) => n + (d.people as number), 0);
    expect({
      open: open.length,
      terrorism: open.filter((d) => d.category === 'terrorism').length,
      organisedCrime: open.filter((d) => d.category === 'transnational-organised-crime').length,
      detained,
      convicted,
    }).toEqual({ open: LETTER_JUSTICE.underInvestigation, terrorism: LETTER_JUSTICE.terrorism, organisedCrime: LETTER_JUSTICE.organisedCrime, detained: LETTER_JUSTICE.detainedForCrimesAgainstPeacekeepers, convicted: LETTER_JUSTICE.convicted });
    expect(figure('judicial.underInvestigation')).toBe(LETTER_JUSTICE.underInvestigation);
    expect(figure('judicial.underInvestigation.terrorism')).toBe(LETTER_JUSTICE.terrorism);
    expect(figure('judicial.underInvestigation.transnational-organised-crime')).toBe(LETTER_JUSTICE.organisedCrime);
    expect(figure('judicial.detainedForCrimesAgainstPeacekeepers')).toBe(LETTER_JUSTICE.detainedForCrimesAgainstPeacekeepers);
    expect(figure('judicial.convicted')).toBe(LETTER_JUSTICE.convicted);
  });

  it('3,120 people back to Femaye (Djenné); supplies to 21 courts and 34 prisons', () => {
    const femaye = ofType('ReturnAssisted').filter((d) => d.commune === 'Femaye' && d.cercle === 'Djenné').reduce((n, d) => n + (d.people as number), 0);
    const supplied = (kind: string) => new Set(ofType('SuppliesDelivered').filter((d) => d.institutionKind === kind).map((d) => d.institution)).size;
    expect({ femaye, courts: supplied('court'), prisons: supplied('prison') })
      .toEqual({ femaye: LETTER_JUSTICE.returnedToFemaye, courts: LETTER_JUSTICE.courtsSupplied, prisons: LETTER_JUSTICE.prisonsSupplied });
    expect(figure('returns.Djenné.Femaye')).toBe(LETTER_JUSTICE.returnedToFemaye);
    expect(figure('supplies.courts')).toBe(LETTER_JUSTICE.courtsSupplied);
    expect(figure('supplies.prisons')).toBe(LETTER_JUSTICE.prisonsSupplied);
  });

  it('TOBs set up within 48 hours of the mission being informed; four mediation missions in Koro cercle', () => {
    const incidents = new Map(events.filter((e) => e.type === 'IncidentReported').map((e) => [(e.data as Data).incidentId as string, e]));
    const bases = ofType('OperatingBaseEstablished').filter((d) => (d.establishedAt as string) <= END);
    // Informed: when the store first took the report of the attack (no alert is linked in the demo).
    const hours = bases.map((b) => (Date.parse(b.establishedAt as string) - Date.parse(incidents.get(b.triggerIncidentId as string)!.recordedAt)) / 3_600_000);
    expect(bases.length).toBeGreaterThanOrEqual(3);
    expect(hours.every((h) => h >= 0 && h <= 48)).toBe(true);
    expect(figure('tobs.established')).toBe(bases.length);
    expect(figure('tobs.within48hOfInformed')).toBe(bases.length);
    const koroMediation = ofType('TobActivityRecorded').filter((d) => d.kind === 'mediation-mission' && d.cercle === 'Koro').length;
    expect(koroMediation).toBe(LETTER_DOUNA_PEN.mediationMissionsInKoro);
    expect(figure('tobs.activities.mediation-mission.Koro')).toBe(LETTER_DOUNA_PEN.mediationMissionsInKoro);
  });

  it('24 military units evaluated (1 excellent, 15 satisfactory, 4 shortfalls, 4 needing improvement), 17 with plans; 10 FPUs, all satisfactory; no undeclared caveat', () => {
    const evaluated = ofType('UnitEvaluated').filter((d) => (d.evaluatedAt as string) >= '2020-01-01' && (d.evaluatedAt as string) <= END);
    const military = evaluated.filter((d) => d.unitKind === 'military');
    const fpus = evaluated.filter((d) => d.unitKind === 'formed-police');
    const rated = (r: string) => military.filter((d) => d.rating === r).length;
    const planned = new Set(ofType('ImprovementPlanIssued').map((d) => d.unitId));
    expect({
      units: new Set(military.map((d) => d.unitId)).size,
      excellent: rated('excellent'),
      satisfactory: rated('satisfactory'),
      shortfalls: rated('shortfalls'),
      needsImprovement: rated('needs-improvement'),
      unitsWithPlans: planned.size,
    }).toEqual(LETTER_EVALUATIONS.military);
    expect({ units: new Set(fpus.map((d) => d.unitId)).size, satisfactory: fpus.filter((d) => d.rating === 'satisfactory').length }).toEqual(LETTER_EVALUATIONS.formedPolice);
    expect(ofType('CaveatRaised').filter((d) => !d.declared).length).toBe(LETTER_EVALUATIONS.undeclaredCaveats);

    expect(figure('evaluations.military.unitsEvaluated')).toBe(LETTER_EVALUATIONS.military.units);
    expect(figure('evaluations.military.rating.excellent')).toBe(LETTER_EVALUATIONS.military.excellent);
    expect(figure('evaluations.military.rating.satisfactory')).toBe(LETTER_EVALUATIONS.military.satisfactory);
    expect(figure('evaluations.military.rating.shortfalls')).toBe(LETTER_EVALUATIONS.military.shortfalls);
    expect(figure('evaluations.military.rating.needs-improvement')).toBe(LETTER_EVALUATIONS.military.needsImprovement);
    expect(figure('evaluations.military.unitsWithPlans')).toBe(LETTER_EVALUATIONS.military.unitsWithPlans);
    expect(figure('evaluations.formedPolice.unitsEvaluated')).toBe(LETTER_EVALUATIONS.formedPolice.units);
    expect(figure('evaluations.formedPolice.rating.satisfactory')).toBe(LETTER_EVALUATIONS.formedPolice.satisfactory);
    expect(figure('caveats.undeclared')).toBe(LETTER_EVALUATIONS.undeclaredCaveats);
  });

  it('five IEDs found and cleared on one convoy escort in March; the share neutralised as the IED events give it', () => {
    const detected = ofType('IedDetected').filter((d) => (d.detectedAt as string) >= '2020-01-01' && (d.detectedAt as string) <= END);
    const status = new Map(detected.map((d) => [d.iedId as string, d.status as string]));
    for (const d of ofType('IedNeutralized')) if (status.has(d.iedId as string)) status.set(d.iedId as string, 'neutralized');
    for (const d of ofType('IedDetonated')) if (status.has(d.iedId as string)) status.set(d.iedId as string, 'detonated');
    const neutralised = [...status.values()].filter((s) => s === 'neutralized').length;
    const detonated = [...status.values()].filter((s) => s === 'detonated').length;
    const perConvoy = new Map<string, number>();
    for (const d of detected) if (status.get(d.iedId as string) === 'neutralized') perConvoy.set(d.convoyId as string, (perConvoy.get(d.convoyId as string) ?? 0) + 1);
    expect(Math.max(...perConvoy.values())).toBe(5);
    expect(figure('ieds.mostClearedOnOneConvoy')).toBe(5);
    expect(figure('ieds.neutralised')).toBe(neutralised);
    expect(figure('ieds.detonated')).toBe(detonated);
  });

  it('flight hours by purpose and month against the allotment, as the flight events give them', () => {
    const dispatched = new Map(ofType('FlightDispatched').filter((d) => (d.takeOffAt as string) <= END).map((d) => [d.flightId as string, d]));
    const hours = new Map<string, number>();
    for (const d of ofType('FlightCompleted')) {
      const f = dispatched.get(d.flightId as string);
      if (f) hours.set(d.flightId as string, (Date.parse(d.completedAt as string) - Date.parse(f.takeOffAt as string)) / 3_600_000);
    }
    const casevac = [...dispatched.values()].filter((d) => d.purpose === 'casualty-evacuation');
    expect(figure('flightHours.sorties')).toBe(dispatched.size);
    expect(figure('flightHours.casualty-evacuation.sorties')).toBe(casevac.length);
    expect(figure('flightHours.hours')).toBeCloseTo([...hours.values()].reduce((a, b) => a + b, 0), 1);
    const allotted = ofType('FlightHoursAllotted').reduce((n, d) => n + (d.hours as number), 0);
    expect(figure('flightHours.allotted')).toBe(allotted);
    // The priority order: rotation flights stopped when hours fell, evacuations went on.
    const may = [...dispatched.values()].filter((d) => (d.takeOffAt as string).startsWith('2020-05'));
    expect(may.some((d) => d.purpose === 'casualty-evacuation')).toBe(true);
    expect(may.some((d) => d.purpose === 'rotation')).toBe(false);
  });
});
