import { randomUUID } from 'node:crypto';

/** What a row sends; the method comes from the row's route. */
export type RouteRequest = Readonly<{ url: string; payload?: object; headers?: Record<string, string> }>;
export type Created = Readonly<{ id: string; streamId: string; version: number; position: number }>;
/** Creates what a request needs first, with the admin key, on the composition's write side. */
export type Writer = Readonly<{ create: (url: string, body: object) => Promise<Created> }>;
export type RequestBuilder = (writer: Writer) => RouteRequest | Promise<RouteRequest>;

const BANKASS = { lat: 14.0775, lon: -3.5159, precision: 1, place: 'Bankass', cercle: 'Bankass', region: 'Mopti' } as const;
const AREA = { lat: 14.0775, lon: -3.5159, radiusKm: 15 } as const;

/** Valid bodies (the DTOs under apps/command-api/src), one per kind of thing created. */
export const bodies = {
  alert: { channel: 'hotline', receivedAt: '2020-03-01T08:00:00Z', location: BANKASS, threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-02T04:00:00Z' } },
  // A caller of their own each time: forgetting one erases every alert sharing their key.
  alertWithCaller: () => ({
    channel: 'hotline',
    receivedAt: '2020-03-01T08:00:00Z',
    location: BANKASS,
    threat: { kind: 'armed-group-movement' },
    caller: { name: 'A caller', phone: `+223 70 ${randomUUID().slice(0, 8)}` },
  }),
  flight: { dispatchedAt: '2020-03-01T09:00:00Z', target: AREA, aircraft: 'Mi-35' },
  patrol: {
    operation: 'Buffalo',
    unit: 'LRMP-1',
    kind: 'long-range',
    startedAt: '2020-03-01T06:00:00Z',
    area: AREA,
    stops: [{ lat: BANKASS.lat, lon: BANKASS.lon, arrivedAt: '2020-03-01T16:00:00Z', departedAt: '2020-03-02T07:00:00Z', overnight: true }],
  },
  base: { establishedAt: '2020-03-01T10:00:00Z', location: BANKASS, name: 'TOB Bankass' },
  ied: { detectedAt: '2020-03-01T07:40:00Z', location: BANKASS, status: 'detected', unit: 'Convoy escort 2' },
  incident: { occurredAt: '2020-03-01T03:00:00Z', location: BANKASS, kind: 'attack-on-civilians', fatalities: 1, source: 'civilian' },
  // A new incident id each time: one verdict per call, in a stream of its own.
  assessment: () => ({ incidentId: randomUUID(), episodeId: 'patrol-roles-stop-1', verdict: 'not-retaliation' }),
  // A reference of its own each time: opening one twice is a 409.
  judicialCase: () => ({ caseRef: `PJS-${randomUUID().slice(0, 8)}`, category: 'terrorism', openedAt: '2020-01-15T09:00:00Z' }),
  // Convictions need a trial: a case registered already referred to one.
  judicialCaseAtTrial: () => ({ caseRef: `PJS-${randomUUID().slice(0, 8)}`, category: 'other', openedAt: '2020-01-15T09:00:00Z', status: 'referred-to-trial', statusAt: '2020-03-01T10:00:00Z' }),
  return: { commune: 'Femaye', cercle: 'Djenné', region: 'Mopti', people: 120, returnedAt: '2020-04-15T08:00:00Z' },
  supplyDelivery: { institutionKind: 'prison', institution: 'Maison d’arrêt de Mopti', deliveredAt: '2020-03-10T09:00:00Z', supplies: 'hygiene kits' },
  // A registration of its own each time: registering one twice is a 409.
  vehicle: () => ({ registration: `UN-${randomUUID().slice(0, 8)}`, contingent: 'BANBAT-2', type: 'Casspir', registeredAt: '2020-01-02T08:00:00Z' }),
  evaluation: { unitId: 'BANBAT-2', unitKind: 'military', period: { from: '2020-01-01', to: '2020-03-31' }, evaluatedAt: '2020-03-15T09:00:00Z', rating: 'shortfalls', shortfallAreas: ['training'] },
  improvementPlan: { issuedAt: '2020-03-20T09:00:00Z', areas: ['training'] },
  caveat: { contingent: 'Contingent A', kind: 'condition', declared: true, order: 'FRAGO 12/2020', condition: 'night air surveillance', raisedAt: '2020-03-02T08:00:00Z' },
} as const;

const send = (url: string, payload?: object): RouteRequest => ({ url, ...(payload && { payload }) });
let allotments = 0;

/** A change to something created just before, so no call meets a state an earlier one left. */
const onNew =
  (createUrl: string, body: object | (() => object), then: (created: Created) => RouteRequest): RequestBuilder =>
  async (writer) =>
    then(await writer.create(createUrl, typeof body === 'function' ? body() : body));

/** A read of something created just before, once its read model has applied the write. */
const readNew = (createUrl: string, body: object, path: (created: Created) => string): RequestBuilder =>
  onNew(createUrl, body, (created) => send(`${path(created)}?minPosition=${created.position}`));

/** A change to an improvement plan issued just before on a new evaluation. */
const onPlan =
  (then: (evaluation: Created) => RouteRequest): RequestBuilder =>
  async (writer) => {
    const evaluation = await writer.create('/evaluations', bodies.evaluation);
    await writer.create(`/evaluations/${evaluation.id}/improvement-plan`, bodies.improvementPlan);
    return then(evaluation);
  };

/** Valid requests, named by what they do; the table says who may send each. */
export const requests = {
  // The write side: every body valid, every target freshly created.
  receiveAlert: () => send('/alerts', bodies.alert),
  triageAlert: onNew('/alerts', bodies.alert, (a) => send(`/alerts/${a.id}/triage`, { priority: 'flash', reliability: 'B', credibility: 2 })),
  closeAlert: onNew('/alerts', bodies.alert, (a) => send(`/alerts/${a.id}/close`, { outcome: 'attack-prevented', closedAt: '2020-03-02T12:00:00Z' })),
  linkAlertToIncident: onNew('/alerts', bodies.alert, (a) => send(`/alerts/${a.id}/link-incident`, { incidentId: randomUUID() })),
  dispatchFlight: () => send('/flights', bodies.flight),
  // Another number of hours each time: the same allotment again is a 409.
  allotFlightHours: () => send('/flight-hours/allotments', { month: '2020-03', hours: 100 + ++allotments, note: 'route table' }),
  completeFlight: onNew('/flights', bodies.flight, (f) => send(`/flights/${f.id}/complete`, { completedAt: '2020-03-01T12:00:00Z', outcome: 'nothing-observed' })),
  deployPatrol: () => send('/patrols', bodies.patrol),
  completePatrol: onNew('/patrols', bodies.patrol, (p) => send(`/patrols/${p.id}/complete`, { endedAt: '2020-03-03T15:00:00Z' })),
  establishBase: () => send('/bases', bodies.base),
  closeBase: onNew('/bases', bodies.base, (b) => send(`/bases/${b.id}/close`, { closedAt: '2020-03-20T08:00:00Z' })),
  recordTobActivity: onNew('/bases', bodies.base, (b) => send(`/bases/${b.id}/activities`, { kind: 'mediation-mission', date: '2020-03-05T09:00:00Z', cercle: 'Koro' })),
  detectIed: () => send('/ieds', bodies.ied),
  neutralizeIed: onNew('/ieds', bodies.ied, (i) => send(`/ieds/${i.id}/neutralize`, { at: '2020-03-01T09:15:00Z' })),
  detonateIed: onNew('/ieds', bodies.ied, (i) => send(`/ieds/${i.id}/detonation`, { at: '2020-03-01T09:15:00Z', casualties: 2 })),
  reportIncident: () => send('/incidents', bodies.incident),
  correctIncident: onNew('/incidents', bodies.incident, (i) => send(`/incidents/${i.id}/correct`, { fatalities: 3 })),
  retractIncident: onNew('/incidents', bodies.incident, (i) => send(`/incidents/${i.id}/retract`, { reason: 'duplicate of a radio report' })),
  verifyIncident: onNew('/incidents', bodies.incident, (i) => send(`/incidents/${i.id}/verification`, { status: 'verified', method: 'site-visit' })),
  assessRetaliation: () => send('/retaliation-assessments', bodies.assessment()),
  openJudicialCase: () => send('/judicial/cases', bodies.judicialCase()),
  changeJudicialCaseStatus: onNew('/judicial/cases', bodies.judicialCase, (c) => send(`/judicial/cases/${c.id}/status`, { status: 'referred-to-trial', at: '2020-03-01T10:00:00Z' })),
  recordDetentions: onNew('/judicial/cases', bodies.judicialCase, (c) => send(`/judicial/cases/${c.id}/detentions`, { people: 2, at: '2020-02-10T08:00:00Z', crimesAgainstPeacekeepers: true })),
  recordConvictions: onNew('/judicial/cases', bodies.judicialCaseAtTrial, (c) => send(`/judicial/cases/${c.id}/convictions`, { people: 1, at: '2020-04-01T08:00:00Z', crimesAgainstPeacekeepers: false })),
  recordReturn: () => send('/returns', bodies.return),
  recordSupplyDelivery: () => send('/supplies', bodies.supplyDelivery),
  registerVehicle: () => send('/vehicles', bodies.vehicle()),
  changeVehicleStatus: onNew('/vehicles', bodies.vehicle, (v) => send(`/vehicles/${v.id}/status`, { status: 'unusable', at: '2020-03-10T07:00:00Z', cause: 'ied-damage' })),
  writeOffVehicle: onNew('/vehicles', bodies.vehicle, (v) => send(`/vehicles/${v.id}/write-off`, { at: '2020-04-01T10:00:00Z', reason: 'beyond repair' })),
  evaluateUnit: () => send('/evaluations', bodies.evaluation),
  issueImprovementPlan: onNew('/evaluations', bodies.evaluation, (e) => send(`/evaluations/${e.id}/improvement-plan`, bodies.improvementPlan)),
  recordImprovementMeasure: onPlan((e) => send(`/evaluations/${e.id}/improvement-plan/measures`, { takenAt: '2020-04-10T09:00:00Z', measure: 'night-driving course' })),
  closeImprovementPlan: onPlan((e) => send(`/evaluations/${e.id}/improvement-plan/close`, { closedAt: '2020-05-01T09:00:00Z' })),
  raiseCaveat: () => send('/caveats', bodies.caveat),
  settleCaveat: onNew('/caveats', bodies.caveat, (c) => send(`/caveats/${c.id}/settle`, { settledAt: '2020-03-04T18:00:00Z', outcome: 'condition-met', settlement: 'a UAV flight each night' })),
  showCaller: onNew('/alerts', bodies.alertWithCaller, (a) => send(`/alerts/${a.id}/caller`)),
  forgetCaller: onNew('/alerts', bodies.alertWithCaller, (a) => send(`/alerts/${a.id}/caller`)),

  // The read side: lists and reports need nothing; one-by-id reads need the thing projected.
  alerts: () => send('/alerts?status=open&from=2020-03-01&to=2020-03-31'),
  alert: readNew('/alerts', bodies.alert, (a) => `/alerts/${a.id}`),
  alertStatus: readNew('/alerts', bodies.alert, (a) => `/alerts/${a.id}/status`),
  alertOutcomes: () => send('/alerts/outcomes?from=2020-03-01&to=2020-03-31'),
  flights: () => send('/flights?from=2020-03-01&to=2020-03-31'),
  flight: readNew('/flights', bodies.flight, (f) => `/flights/${f.id}`),
  flightHours: () => send('/flights/hours?from=2020-03-01&to=2020-03-31'),
  patrols: () => send('/patrols?operation=Buffalo&status=deployed'),
  patrol: readNew('/patrols', bodies.patrol, (p) => `/patrols/${p.id}`),
  patrolDeterrence: onNew('/patrols', bodies.patrol, (p) => send(`/patrols/${p.id}/deterrence?radiusKm=10&minPosition=${p.position}`)),
  bases: () => send('/bases?from=2020-03-01&to=2020-03-31'),
  base: readNew('/bases', bodies.base, (b) => `/bases/${b.id}`),
  baseSpeed: () => send('/bases/speed?from=2020-03-01&to=2020-03-31'),
  tobSpeed: () => send('/tobs/speed?from=2020-03-01&to=2020-03-31'),
  tobActivities: () => send('/tobs/activities?from=2020-03-01&to=2020-03-31&kind=mediation-mission&cercle=Koro'),
  ieds: () => send('/ieds?from=2020-03-01&to=2020-03-31'),
  ied: readNew('/ieds', bodies.ied, (i) => `/ieds/${i.id}`),
  iedSummary: () => send('/ieds/summary?from=2020-03-01&to=2020-03-31'),
  incidents: () => send('/incidents?from=2020-03-01&to=2020-03-31&cercle=Bankass&kind=attack-on-civilians'),
  incidentsDaily: () => send('/incidents/daily?from=2020-03-01&to=2020-03-31&cercle=Bankass'),
  incidentsWeeklyByCercle: () => send('/incidents/weekly-by-cercle?asOf=2020-03-31'),
  incident: readNew('/incidents', bodies.incident, (i) => `/incidents/${i.id}`),
  incidentsGeoJson: onNew('/incidents', bodies.incident, (c) => send(`/incidents.geojson?minPosition=${c.position}&kind=attack-on-civilians&bbox=-4,13.5,-3,14.5&limit=10`)),
  alertsGeoJson: onNew('/alerts', bodies.alert, (c) => send(`/alerts.geojson?minPosition=${c.position}&status=open&near=14.0775,-3.5159&radiusKm=25`)),
  patrolsGeoJson: onNew('/patrols', bodies.patrol, (c) => send(`/patrols.geojson?minPosition=${c.position}&from=2020-03-01&to=2020-03-31`)),
  basesGeoJson: onNew('/bases', bodies.base, (c) => send(`/bases.geojson?minPosition=${c.position}&cercle=Bankass`)),
  iedsGeoJson: onNew('/ieds', bodies.ied, (c) => send(`/ieds.geojson?minPosition=${c.position}&status=detected`)),
  flightsGeoJson: onNew('/flights', bodies.flight, (c) => send(`/flights.geojson?minPosition=${c.position}&region=Mopti`)),
  deterrence: () => send('/deterrence?operation=Buffalo&radiusKm=10&from=2020-02-01&to=2020-04-30'),
  deterrenceChart: () => send('/deterrence/chart.svg?operation=Buffalo'),
  responseRate: () => send('/response-rate?from=2020-03-01&to=2020-03-31'),
  periodReport: () => send('/reports/period?from=2020-03-01&to=2020-03-31'),
  retaliationAssessments: () => send('/retaliation-assessments?verdict=not-retaliation'),
  judicialSummary: () => send('/judicial/summary?on=2020-05-20&asOf=2020-05-21T00:00:00Z'),
  returns: () => send('/returns?from=2020-01-01&to=2020-05-20'),
  suppliesSummary: () => send('/supplies/summary?from=2020-01-01&to=2020-05-20&asOf=2020-05-21'),
  vehicles: () => send('/vehicles?contingent=BANBAT-2&status=in-use'),
  vehicle: onNew('/vehicles', bodies.vehicle, (v) => send(`/vehicles/${v.id}?minPosition=${v.position}`)),
  fleet: () => send('/fleet?on=2020-05-20&asOf=2020-05-20T12:00:00Z'),
  evaluations: () => send('/evaluations?from=2020-01-01&to=2020-05-20&unitKind=military&rating=shortfalls'),
  evaluationsSummary: () => send('/evaluations/summary?from=2020-01-01&to=2020-05-20&asOf=2020-05-21T00:00:00Z'),
  evaluation: readNew('/evaluations', bodies.evaluation, (e) => `/evaluations/${e.id}`),
  unitEvaluations: () => send('/units/BANBAT-2/evaluations'),
  caveats: () => send('/caveats?since=2020-01-01&declared=false'),
  caveatsSummary: () => send('/caveats/summary?from=2020-01-01&to=2020-05-20&asOf=2020-05-21T00:00:00Z'),
  caveat: readNew('/caveats', bodies.caveat, (c) => `/caveats/${c.id}`),
  audit: () => send('/audit?from=2020-01-01&limit=10'),
  // Straight from the store, no read model: no need to wait.
  stream: onNew('/alerts', bodies.alert, (a) => send(`/streams/${a.streamId}`)),

  places: () => send('/places?q=Segou&limit=5'),
  // What is stored now, then the end: a following stream would never answer.
  live: () => send('/live?follow=false'),

  relayStatus: () => send('/relay'),
  // The Swagger UI's catch-all for its static files.
  docsAsset: () => send('/docs/swagger-ui.css'),
} satisfies Record<string, RequestBuilder>;
