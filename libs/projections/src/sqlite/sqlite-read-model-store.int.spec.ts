import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../all-projections';
import { ProjectionRunner } from '../projection-runner';
import { CALLER_PHONE, history, readModelStoreContract } from '@poc/projections/testing';
import { SqliteReadModelStore } from './sqlite-read-model-store';

/** A SQLite file in a fresh temp dir; `open` gives another connection to it, as a second projector would have. */
const freshFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'poc-read-models-'));
  const file = join(dir, 'read-models.sqlite');
  const opened: Database.Database[] = [];
  const open = () => {
    const handle = new Database(file);
    handle.pragma('journal_mode = WAL');
    handle.pragma('busy_timeout = 2000');
    opened.push(handle);
    return handle;
  };
  return {
    open,
    teardown: async () => {
      for (const handle of opened.splice(0)) handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

readModelStoreContract('SQLite', async () => {
  const { open, teardown } = freshFile();
  return { store: new SqliteReadModelStore(open()), second: () => new SqliteReadModelStore(open()), teardown };
});

describe('SqliteReadModelStore', () => {
  let made: ReturnType<typeof freshFile>;
  beforeEach(() => {
    made = freshFile();
  });
  afterEach(() => made.teardown());

  it('the caller appears in no row of any read-model table of the file', async () => {
    const db = made.open();
    const runner = new ProjectionRunner(new SqliteReadModelStore(db), ALL_PROJECTIONS);
    await runner.init();
    await runner.handle(history().events);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toContain('rm_alerts');
    for (const { name } of tables) expect(JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).not.toContain(CALLER_PHONE);
  });
});
