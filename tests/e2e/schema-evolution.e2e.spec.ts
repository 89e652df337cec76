import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { toLocation, type AlertReceivedV1Data } from '@poc/domain';
import { SqliteEventStore } from '@poc/event-store';
import { startApp, tempDir, type AppProcess } from '../support/app-process';
import { client } from '../support/http-client';
import { API_KEYS, at, KEYS, OGOSSAGOU } from '../support/alert-flow';

/**
 * docs/schema-evolution.md, over HTTP: a data folder holding an AlertReceived stored as
 * schema v1 (before intake grading) is opened by the current all-in-one. Everything reads it
 * as v2 (GET /streams, the alert read model, the decider behind triage), and new alerts
 * carry the grading given at intake.
 */
const ENTRY = 'apps/all-in-one/src/main.ts';
const OLD_ID = 'alert-from-2020';

const v1Alert: AlertReceivedV1Data = {
  alertId: OLD_ID,
  channel: 'radio',
  receivedAt: '2020-03-05T09:30:00.000Z',
  location: toLocation({ ...OGOSSAGOU, precision: 1, cercle: 'Bankass', region: 'Mopti' }),
  threat: { kind: 'armed-group-movement' },
};

describe('schema evolution: AlertReceived v1 → v2, all-in-one over HTTP', () => {
  let dataDir: string;
  let app: AppProcess;
  let oldPosition: number;

  beforeAll(async () => {
    dataDir = tempDir('poc-e2e-schema-');
    // As the code of 2020 stored it: schema version 1, no intake grading.
    const old = new SqliteEventStore(join(dataDir, 'poc.sqlite'));
    const { lastPosition } = await old.append(`alert-${OLD_ID}`, [
      {
        type: 'AlertReceived',
        schemaVersion: 1,
        data: v1Alert,
        occurredAt: v1Alert.receivedAt,
        metadata: { actor: 'operator-2020', role: 'operator', correlationId: 'c-2020' },
      },
    ]);
    oldPosition = lastPosition;
    await old.close();
    app = await startApp(ENTRY, { DATA_DIR: dataDir, API_KEYS, LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    await app?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves a stored v1 alert at the current version (v3): GET /streams and the alert read model show it as not graded (F6)', async () => {
    const ops = client(app.url, KEYS.ops);
    const stream = await ops.get(`/streams/alert-${OLD_ID}`);
    expect(stream.status).toBe(200);
    expect(stream.body).toEqual([
      expect.objectContaining({ type: 'AlertReceived', schemaVersion: 3, data: { ...v1Alert, intakeGrading: { reliability: 'F', credibility: 6 } } }),
    ]);
    const view = await ops.get(`/alerts/${OLD_ID}?minPosition=${oldPosition}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ alertId: OLD_ID, status: 'open', intakeGrading: { reliability: 'F', credibility: 6 } });
  });

  it('decides on the v1 alert: the triage decider folds it at the current version', async () => {
    const triaged = await client(app.url, KEYS.ops).post(`/alerts/${OLD_ID}/triage`, { priority: 'immediate', reliability: 'C', credibility: 3 });
    expect(triaged.status).toBe(200);
    expect(triaged.body).toMatchObject({ version: 2 });
    const view = await client(app.url, KEYS.ops).get(`/alerts/${OLD_ID}?minPosition=${triaged.body.position}`);
    expect(view.body).toMatchObject({ status: 'triaged', intakeGrading: { reliability: 'F', credibility: 6 }, triage: { reliability: 'C', credibility: 3 } });
  });

  it('records the grading given at intake, and F6 when none is given', async () => {
    const operator = client(app.url, KEYS.operator);
    const ops = client(app.url, KEYS.ops);
    const report = { channel: 'hotline', receivedAt: '2020-03-06T08:00:00Z', location: at(OGOSSAGOU), threat: { kind: 'attack-on-civilians' } };

    const graded = await operator.post('/alerts', { ...report, reliability: 'B', credibility: 2 });
    expect(graded.status).toBe(201);
    const stream = await ops.get(`/streams/${graded.body.streamId}`);
    expect(stream.body).toEqual([expect.objectContaining({ schemaVersion: 3, data: expect.objectContaining({ intakeGrading: { reliability: 'B', credibility: 2 } }) })]);
    const view = await ops.get(`/alerts/${graded.body.id}?minPosition=${graded.body.position}`);
    expect(view.body).toMatchObject({ intakeGrading: { reliability: 'B', credibility: 2 } });

    const ungraded = await operator.post('/alerts', report);
    expect(ungraded.status).toBe(201);
    const ungradedView = await ops.get(`/alerts/${ungraded.body.id}?minPosition=${ungraded.body.position}`);
    expect(ungradedView.body).toMatchObject({ intakeGrading: { reliability: 'F', credibility: 6 } });
  });

  it('refuses a grading outside the Admiralty code with 400 naming each field', async () => {
    const bad = await client(app.url, KEYS.operator).post('/alerts', {
      channel: 'hotline',
      receivedAt: '2020-03-06T08:00:00Z',
      location: at(OGOSSAGOU),
      threat: { kind: 'attack-on-civilians' },
      reliability: 'G',
      credibility: 7,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['reliability', 'credibility']));
    const fractional = await client(app.url, KEYS.operator).post('/alerts', {
      channel: 'hotline',
      receivedAt: '2020-03-06T08:00:00Z',
      location: at(OGOSSAGOU),
      threat: { kind: 'attack-on-civilians' },
      credibility: 2.5,
    });
    expect(fractional.status).toBe(400);
  });
});
