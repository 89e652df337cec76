/**
 * Every POST route of apps/command-api with a body it accepts, so that mutating one field
 * gets past the other validators. `parent` names the aggregate whose id goes into `{id}`.
 */
export type Endpoint = Readonly<{ path: string; parent?: Parent; valid: () => Record<string, unknown> }>;
type Parent = 'alert' | 'flight' | 'patrol' | 'base' | 'ied' | 'incident';

const UUID = '6f1c2a8e-3b0d-4c55-9a11-2f4f8c7e9d10';
const location = () => ({ lat: 14.3501, lon: -3.6104, precision: 1, place: 'Bandiagara', cercle: 'Bandiagara', region: 'Mopti' });
const area = () => ({ lat: 14.064, lon: -3.0754, radiusKm: 10 });
const stop = () => ({ lat: 14.0775, lon: -3.5159, arrivedAt: '2020-03-02T16:00:00Z', departedAt: '2020-03-03T07:00:00Z', overnight: true, place: 'Bankass', cercle: 'Bankass', region: 'Mopti' });

export const ENDPOINTS: readonly Endpoint[] = [
  {
    path: '/alerts',
    valid: () => ({
      channel: 'hotline', receivedAt: '2020-03-05T09:30:00Z', location: location(),
      threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-06T04:00:00Z' },
      description: 'Armed men on motorbikes', caller: { name: 'Amadou', phone: '+223 70 00 00 00' }, reliability: 'C', credibility: 3,
    }),
  },
  { path: '/alerts/{id}/triage', parent: 'alert', valid: () => ({ priority: 'flash', reliability: 'B', credibility: 2 }) },
  { path: '/alerts/{id}/close', parent: 'alert', valid: () => ({ outcome: 'attack-prevented', closedAt: '2020-03-06T12:00:00Z' }) },
  {
    path: '/flights',
    valid: () => ({ dispatchedAt: '2020-03-05T10:15:00Z', target: area(), alertIds: [UUID], aircraft: 'Mi-35', unit: 'Aviation unit', purpose: 'rapid-response', takeOffAt: '2020-03-05T10:25:00Z' }),
  },
  {
    path: '/flights/{id}/complete', parent: 'flight',
    valid: () => ({ completedAt: '2020-03-05T12:40:00Z', overTargetFrom: '2020-03-05T11:05:00Z', overTargetTo: '2020-03-05T11:50:00Z', outcome: 'dispersal-observed' }),
  },
  { path: '/flight-hours/allotments', valid: () => ({ month: '2020-03', hours: 600, note: 'COVID-19: crews not rotated' }) },
  {
    path: '/patrols',
    valid: () => ({ operation: 'Buffalo', unit: 'FPU Togo', startedAt: '2020-03-01T06:00:00Z', area: area(), kind: 'long-range', stops: [stop()], alertIds: [UUID] }),
  },
  { path: '/patrols/{id}/complete', parent: 'patrol', valid: () => ({ endedAt: '2020-03-04T15:00:00Z', stops: [stop()] }) },
  { path: '/bases', valid: () => ({ establishedAt: '2020-02-16T10:00:00Z', location: location(), triggerIncidentId: UUID, name: 'TOB Ogossagou' }) },
  { path: '/bases/{id}/close', parent: 'base', valid: () => ({ closedAt: '2020-03-20T08:00:00Z' }) },
  {
    path: '/ieds',
    valid: () => ({ detectedAt: '2020-03-12T07:40:00Z', location: location(), status: 'detected', unit: 'Escort 2', convoyId: 'CVY-1', method: 'visual', casualties: 0, axis: 'Gao–Ansongo–Labbezanga' }),
  },
  { path: '/ieds/{id}/neutralize', parent: 'ied', valid: () => ({ at: '2020-03-12T09:15:00Z', casualties: 0 }) },
  { path: '/ieds/{id}/detonation', parent: 'ied', valid: () => ({ at: '2020-03-12T09:15:00Z', casualties: 2 }) },
  {
    path: '/incidents',
    valid: () => ({
      occurredAt: '2020-02-14T03:00:00Z', location: location(), kind: 'attack-on-civilians', fatalities: 3, injured: 5, targetsCivilians: true,
      source: 'civilian', timePrecision: 1, description: 'Village attacked at dawn', reportingUnit: 'FPU Senegal',
    }),
  },
  { path: '/incidents/{id}/correct', parent: 'incident', valid: () => ({ fatalities: 4, location: location() }) },
  { path: '/incidents/{id}/retract', parent: 'incident', valid: () => ({ reason: 'duplicate of the radio report' }) },
  {
    path: '/retaliation-assessments',
    valid: () => ({ incidentId: UUID, episodeId: 'patrol-6f1c2a8e-stop-2', verdict: 'not-retaliation', note: 'cattle theft' }),
  },
];

const CREATORS: Record<Parent, string> = {
  alert: '/alerts', flight: '/flights', patrol: '/patrols', base: '/bases', ied: '/ieds', incident: '/incidents',
};

/** POSTs a JSON body as an admin: in process (`app.inject`) or over HTTP (`fetch`). */
export type Post = (path: string, body: unknown) => Promise<Readonly<{ status: number; body: unknown }>>;

/**
 * Stored aggregates of each kind, so that `{id}` can name something real and a mutated
 * body meets the decider rather than a 404. Several, because fuzzing closes them.
 */
export const seedIds = async (post: Post, perKind = 3): Promise<Record<Parent, string[]>> => {
  const ids = {} as Record<Parent, string[]>;
  for (const [parent, path] of Object.entries(CREATORS) as [Parent, string][]) {
    const payload = ENDPOINTS.find((e) => e.path === path)!.valid();
    // Stops go either at deployment or at completion: leave them to /complete.
    if (parent === 'patrol') delete payload.stops;
    ids[parent] = [];
    for (let i = 0; i < perKind; i++) {
      const res = await post(path, payload);
      if (res.status !== 201) throw new Error(`seeding ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      ids[parent].push((res.body as { id: string }).id);
    }
  }
  return ids;
};
