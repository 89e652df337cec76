import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { startApp, tempDir, type AppProcess } from '../support/app-process';
import { API_KEYS, at, KEYS, OGOSSAGOU, runAlertFlow } from '../support/alert-flow';
import { client } from '../support/http-client';
import { kafkaIn, postgresIn, type Service } from '../support/services';

/**
 * The distributed topology as separate processes — command-api, relay, two projectors,
 * query-api — on a real PostgreSQL and a real Kafka of this test's own. Faults under load
 * (kill -9 of each app, the broker away, PostgreSQL restarts) are in faults.e2e.spec.ts.
 */
const entry = (app: string) => `apps/${app}/src/main.ts`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('distributed over HTTP', () => {
  const dir = tempDir('poc-dist-');
  let postgres: Service;
  let kafka: Service;
  let env: Record<string, string>;
  const apps: Record<string, AppProcess> = {};
  const start = async (name: string, app: string) => (apps[name] = await startApp(entry(app), env));

  beforeAll(async () => {
    postgres = postgresIn(`${dir}/pg`);
    kafka = kafkaIn(`${dir}/kafka`);
    env = {
      EVENT_STORE: 'postgres',
      BUS: 'kafka',
      DATABASE_URL: postgres.url,
      KAFKA_BROKERS: kafka.url,
      KAFKA_TOPIC: `poc.e2e.${randomUUID().slice(0, 8)}`,
      KAFKA_PARTITIONS: '4',
      API_KEYS,
      LOG_LEVEL: 'warn',
      DATA_DIR: `${dir}/data`,
    };
    await start('command', 'command-api');
    await start('relay', 'relay');
    await Promise.all([start('projectorA', 'projector'), start('projectorB', 'projector')]);
    await start('query', 'query-api');
  }, 240_000);

  afterAll(async () => {
    await Promise.all(Object.values(apps).map((a) => a.kill('SIGKILL')));
    // Keep the apps' logs where a failing run can be diagnosed.
    if (process.env.POC_E2E_LOGS) for (const [name, a] of Object.entries(apps)) writeFileSync(`${process.env.POC_E2E_LOGS}/${name}.log`, a.output());
    try {
      kafka?.purge();
    } finally {
      postgres?.purge();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const writer = () => client(apps.command!.url, KEYS.ops);
  const reader = () => client(apps.query!.url, KEYS.ops);
  const storeCount = async (sql: string): Promise<number> => {
    const db = new Client({ connectionString: postgres.url });
    await db.connect();
    try {
      return Number((await db.query(sql)).rows[0].n);
    } finally {
      await db.end();
    }
  };
  const reportIncident = (day: string, cercle: string) =>
    writer().post('/incidents', { occurredAt: `${day}T10:00:00Z`, location: at(OGOSSAGOU, { cercle }), kind: 'looting' });
  /** After a fault the pipeline takes a while to recover: ask again until applied (60 s at most). */
  const waitVisible = async (path: string, position: number) => {
    const deadline = Date.now() + 60_000;
    let reply = await reader().get(`${path}?minPosition=${position}`);
    while (reply.headers.get('x-read-model-stale') && Date.now() < deadline) reply = await reader().get(`${path}?minPosition=${position}`);
    expect(reply.headers.get('x-read-model-stale')).toBeNull();
    return reply;
  };

  it('runs the alert-to-deterrence flow across processes', async () => {
    await runAlertFlow(apps.command!.url, apps.query!.url);
  });

  it('publishes every stored event to Kafka, read back by kcat as an independent client', async () => {
    const last = await storeCount('SELECT max(position) AS n FROM events');
    for (let i = 0; i < 100 && (await client(apps.relay!.url, KEYS.ops).get('/relay')).body.position < last; i++) await sleep(100);
    const out = execFileSync('kcat', ['-b', kafka.url, '-C', '-t', env.KAFKA_TOPIC!, '-e', '-J', '-q'], { encoding: 'utf8' });
    const messages = out.trim().split('\n').map((line) => JSON.parse(line) as { key: string; payload: string });
    const ids = new Set(messages.map((m) => JSON.parse(m.payload).id as string));
    expect(ids.size).toBe(await storeCount('SELECT count(*) AS n FROM events'));
    expect(messages.every((m) => m.key === JSON.parse(m.payload).streamId)).toBe(true);
  });

  it('sends a message it cannot apply to the dead-letter topic, and the partition moves on', async () => {
    const kafkaClient = new Kafka({ clientId: 'e2e-poison', brokers: [kafka.url], logLevel: logLevel.NOTHING });
    const producer = kafkaClient.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: env.KAFKA_TOPIC!, messages: [{ key: 'incident-poison', value: 'not an event', headers: { 'event-type': 'IncidentReported' } }] });
    await producer.disconnect();
    const after = await reportIncident('2020-05-04', 'Koro');
    await waitVisible(`/incidents/${after.body.id}`, after.body.position);
    let dead: { key: string; headers: Record<string, string> }[] = [];
    for (let i = 0; i < 50 && dead.length === 0; i++) {
      const out = execFileSync('kcat', ['-b', kafka.url, '-C', '-t', `${env.KAFKA_TOPIC}.dead-letter`, '-e', '-J', '-q'], { encoding: 'utf8' }).trim();
      dead = out ? out.split('\n').map((l) => JSON.parse(l)) : [];
      if (dead.length === 0) await sleep(200);
    }
    expect(dead).toHaveLength(1);
    expect(dead[0]!.key).toBe('incident-poison');
    expect(JSON.stringify(dead[0]!.headers)).toContain('not JSON');
  });

  it('has one relay publishing at a time; a standby takes over when the leader dies', async () => {
    const standby = await start('standbyRelay', 'relay');
    const status = () => client(standby.url, KEYS.ops).get('/relay');
    expect((await status()).body.leader).toBe(false);
    await apps.relay!.kill('SIGKILL');
    const r = await reportIncident('2020-05-05', 'Koro');
    expect(r.status).toBe(201);
    await waitVisible(`/incidents/${r.body.id}`, r.body.position);
    expect((await status()).body).toMatchObject({ leader: true, position: expect.any(Number) });
  });

  it('answers 503 while PostgreSQL restarts, stores nothing partial, and recovers', async () => {
    const before = await storeCount('SELECT count(*) AS n FROM events');
    postgres.stop();
    const during = await writer().post('/incidents', { occurredAt: '2020-05-25T10:00:00Z', location: at(OGOSSAGOU), kind: 'clash' });
    expect(during.status).toBe(503);
    expect(during.body.detail).toMatch(/unavailable/);
    postgres.start();
    let after = await reportIncident('2020-05-25', 'Bankass');
    for (let i = 0; i < 50 && after.status === 503; i++) {
      await sleep(200);
      after = await reportIncident('2020-05-25', 'Bankass');
    }
    expect(after.status).toBe(201);
    expect(await storeCount('SELECT count(*) AS n FROM events')).toBe(before + 1);
    await waitVisible(`/incidents/${after.body.id}`, after.body.position);
  }, 120_000);
});
