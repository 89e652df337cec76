import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { toLocation, type AlertReceivedV1Data, type StoredEvent } from '@poc/domain';
import { PostgresEventStore, SqliteEventStore, type EventStore } from '@poc/event-store';
import { alertsProjection, type AlertView } from '@poc/projections';
import { loadConfig } from '../config/app-config';
import { CALLER_KEYS_FILE, openInfrastructure, SQLITE_FILE, type Infrastructure } from './open-infrastructure';
import { openReadModelConnection } from './read-model-connection';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('DATABASE_URL is not set: the int tests need a PostgreSQL server (the int global setup starts one)');

/** An alert recorded in 2020 by code that knew only AlertReceived v1. */
const v1Alert: AlertReceivedV1Data = {
  alertId: 'old-1',
  channel: 'radio',
  receivedAt: '2020-03-05T09:30:00.000Z',
  location: toLocation({ lat: 14.15, lon: -3.62, cercle: 'Bankass' }),
  threat: { kind: 'armed-group-movement' },
};

/** Appends it as the old code did: schema version 1, through the raw adapter. */
const storeAsV1 = async (raw: EventStore): Promise<StoredEvent> => {
  const metadata = { actor: 'operator-2020', role: 'operator' as const, correlationId: 'c-2020' };
  const { events } = await raw.append('alert-old-1', [{ type: 'AlertReceived', schemaVersion: 1, data: v1Alert, occurredAt: v1Alert.receivedAt, metadata }]);
  return events[0]!;
};

/**
 * The composition root reads through `upcasting()`: what every app gets from `infra.eventStore`
 * (deciders, projections, the relay, exports, GET /streams) is current (v3), while the row stays v1.
 */
const expectReadAsCurrent = async (infra: Infrastructure, stored: StoredEvent, readRaw: () => Promise<readonly StoredEvent[]>) => {
  // v1Alert has no caller: v2 adds the grading, v3 changes nothing else.
  const current = { ...stored, schemaVersion: 3, data: { ...v1Alert, intakeGrading: { reliability: 'F', credibility: 6 } } };
  expect(await infra.eventStore.readStream('alert-old-1')).toEqual([current]);
  expect(await infra.eventStore.readAll()).toEqual([current]);

  await infra.runner.handle(await infra.eventStore.readAll());
  const [view] = await infra.readModelStore.find<AlertView>(alertsProjection.collection, { where: [{ column: 'key', op: '=', value: 'old-1' }] });
  expect(view).toMatchObject({ alertId: 'old-1', status: 'open', intakeGrading: { reliability: 'F', credibility: 6 } });

  expect(await readRaw()).toEqual([stored]);
};

describe('openInfrastructure reads stored v1 events at the current version', () => {
  it('SQLite (the embedded default)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'poc-open-infra-'));
    try {
      const raw = new SqliteEventStore(join(dataDir, SQLITE_FILE));
      const stored = await storeAsV1(raw);
      await raw.close();
      const infra = await openInfrastructure(loadConfig({ DATA_DIR: dataDir }));
      try {
        await expectReadAsCurrent(infra, stored, async () => {
          const again = new SqliteEventStore(join(dataDir, SQLITE_FILE));
          try {
            return await again.readStream('alert-old-1');
          } finally {
            await again.close();
          }
        });
      } finally {
        await infra.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL (the distributed mode)', async () => {
    const name = `infra_${randomBytes(6).toString('hex')}`;
    const url = new URL(DATABASE_URL);
    url.pathname = `/${name}`;
    const admin = new Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const raw = await PostgresEventStore.open(url.toString(), { listen: false });
      const stored = await storeAsV1(raw);
      try {
        const infra = await openInfrastructure(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: url.toString() }));
        try {
          await expectReadAsCurrent(infra, stored, () => raw.readStream('alert-old-1'));
        } finally {
          await infra.close();
        }
      } finally {
        await raw.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('openInfrastructure, embedded: files for the service user alone', () => {
  it('creates the data folder 0700 and the events, WAL and caller-key files 0600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'poc-open-infra-'));
    const dataDir = join(parent, 'data');
    try {
      const infra = await openInfrastructure(loadConfig({ DATA_DIR: dataDir }));
      try {
        expect(statSync(dataDir).mode & 0o777).toBe(0o700);
        for (const file of [SQLITE_FILE, `${SQLITE_FILE}-wal`, CALLER_KEYS_FILE]) {
          expect({ file, mode: (statSync(join(dataDir, file)).mode & 0o777).toString(8) }).toEqual({ file, mode: '600' });
        }
      } finally {
        await infra.close();
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('openInfrastructure, embedded: appends and projection in the writer thread', () => {
  it('projects only once asked, in the writer thread, and never checkpoints from the main thread', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'poc-open-infra-'));
    try {
      const infra = await openInfrastructure(loadConfig({ DATA_DIR: dataDir }));
      try {
        const stored = await storeAsV1(infra.eventStore);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(await infra.runner.position()).toBe(0); // the CLI and apps without a projector do not project
        expect(await infra.startEmbeddedProjector!()).toBe(0);
        const deadline = Date.now() + 5_000;
        while ((await infra.runner.position()) < stored.position && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        const [view] = await infra.readModelStore.find<AlertView>(alertsProjection.collection, { where: [{ column: 'key', op: '=', value: 'old-1' }] });
        expect(view).toMatchObject({ alertId: 'old-1', intakeGrading: { reliability: 'F', credibility: 6 } });
      } finally {
        await infra.close();
      }
      // The main thread's read-model connection leaves checkpoints to the writer thread (a serving app).
      const mainThread = openReadModelConnection(join(dataDir, SQLITE_FILE), { checkpoints: false });
      expect(mainThread.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      mainThread.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
