import { createHash } from 'node:crypto';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bearer, ROLE_KEYS, type InProcessApp } from '../../../../tests/support/in-process-app';
import { userInfo } from 'node:os';
import { analystCli, PLANTED, PLANTED_ALERT, plantedIn } from '../../../../tests/support/planted-caller';

type Entry = { entryId: string; type: string; alertId: string; actor: string; role: string; at: string; position: number };

/** The actor a key is recorded as: its role, 8 hex digits of its SHA-256 and its place in API_KEYS. */
const fingerprintOf = (role: keyof typeof ROLE_KEYS, index: number) => `${role}:${createHash('sha256').update(ROLE_KEYS[role]).digest('hex').slice(0, 8)}#${index}`;
/** Every form a key could leak in: as given, and its whole hash in hex and base64. */
const keyForms = (role: keyof typeof ROLE_KEYS) => {
  const hash = createHash('sha256').update(ROLE_KEYS[role]).digest();
  return [ROLE_KEYS[role], hash.toString('hex'), hash.toString('base64'), Buffer.from(ROLE_KEYS[role]).toString('base64')];
};

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('audit of caller reads and erasures (%s)', (_store, start) => {
  let running: InProcessApp;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => running.close());

  const postAlert = async (payload: object = PLANTED_ALERT): Promise<string> => {
    const res = await running.app.inject({ method: 'POST', url: '/alerts', headers: bearer('operator'), payload });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const audit = async (role: 'ops' | 'analyst' | 'admin' = 'admin', query = 'from=2000-01-01') =>
    running.app.inject({ method: 'GET', url: `/audit?${query}&minPosition=${await running.infra.eventStore.lastPosition()}`, headers: bearer(role) });
  const storedEvents = async () => running.infra.eventStore.readAll({ fromPosition: 0, limit: 100_000 });

  it("records a write's actor as the key's fingerprint and role, never the key", async () => {
    const id = await postAlert({ ...PLANTED_ALERT, caller: { phone: '+223 70 00 00 01' } });
    const [received] = await running.infra.eventStore.readStream(`alert-${id}`);
    // API_KEYS lists operator, ops, analyst, admin in that order.
    expect(received!.metadata).toMatchObject({ actor: fingerprintOf('operator', 0), role: 'operator' });
    const text = JSON.stringify(await storedEvents());
    for (const role of ['operator', 'ops', 'analyst', 'admin'] as const) for (const form of keyForms(role)) expect(text).not.toContain(form);
  });

  it("lists a caller read by ops for admins, with the ops key's id and role and no name or phone anywhere", async () => {
    const id = await postAlert();
    const shown = await running.app.inject({ method: 'GET', url: `/alerts/${id}/caller`, headers: bearer('ops') });
    expect(shown.json()).toMatchObject({ phone: PLANTED.phone });

    const res = await audit();
    expect(res.statusCode).toBe(200);
    const entries = res.json<Entry[]>();
    expect(entries.filter((e) => e.alertId === id)).toEqual([
      { entryId: expect.any(String), type: 'CallerDetailsRead', alertId: id, actor: fingerprintOf('ops', 1), role: 'ops', at: expect.any(String), position: expect.any(Number) },
    ]);
    expect(plantedIn(res.body)).toEqual([]);

    const recorded = (await storedEvents()).filter((e) => e.type === 'CallerDetailsRead');
    expect(recorded.map((e) => e.streamId)).toContain(`audit-${new Date().toISOString().slice(0, 10)}`);
    expect(plantedIn(JSON.stringify(recorded))).toEqual([]);
    // The whole log: only the sealed AlertReceived holds the caller, and as ciphertext.
    expect(plantedIn(JSON.stringify(await storedEvents()))).toEqual([]);
  });

  it('refuses the audit list to ops and analysts', async () => {
    expect((await audit('ops')).statusCode).toBe(403);
    expect((await audit('analyst')).statusCode).toBe(403);
  });

  it('lists a forget next to the reads, newest first, and pages', async () => {
    const id = await postAlert({ ...PLANTED_ALERT, caller: { name: 'Another', phone: '+223 70 00 00 02' } });
    await running.app.inject({ method: 'GET', url: `/alerts/${id}/caller`, headers: bearer('ops') });
    expect((await running.app.inject({ method: 'DELETE', url: `/alerts/${id}/caller`, headers: bearer('admin') })).statusCode).toBe(200);
    // Read after the forget: 410, nothing shown, nothing recorded as read.
    expect((await running.app.inject({ method: 'GET', url: `/alerts/${id}/caller`, headers: bearer('ops') })).statusCode).toBe(410);

    const entries = (await audit()).json<Entry[]>();
    expect(entries.filter((e) => e.alertId === id).map((e) => [e.type, e.actor])).toEqual([
      ['CallerErased', fingerprintOf('admin', 3)],
      ['CallerDetailsRead', fingerprintOf('ops', 1)],
    ]);
    const positions = entries.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => b - a));
    const firstPage = (await audit('admin', 'from=2000-01-01&limit=1')).json<Entry[]>();
    const secondPage = (await audit('admin', 'from=2000-01-01&limit=1&offset=1')).json<Entry[]>();
    expect([...firstPage, ...secondPage]).toEqual(entries.slice(0, 2));
    expect((await audit('admin', 'from=2000-01-01&to=2000-01-02')).json()).toEqual([]);
  });

  it("lists the analyst CLI's forget-caller as its OS user with the admin role", async () => {
    const id = await postAlert({ ...PLANTED_ALERT, caller: { phone: '+223 70 00 00 04' } });
    const { DATA_DIR, EVENT_STORE, DATABASE_URL } = running.config;
    const run = await analystCli(['forget-caller', id], { DATA_DIR, EVENT_STORE, ...(DATABASE_URL !== undefined && { DATABASE_URL }), LOG_LEVEL: 'silent' });
    expect(run).toMatchObject({ code: 0 });
    const entries = (await audit()).json<Entry[]>();
    expect(entries.filter((e) => e.alertId === id)).toEqual([expect.objectContaining({ type: 'CallerErased', actor: `cli:${userInfo().username}`, role: 'admin' })]);
  }, 60_000);

  it('refuses to show a caller (503) when the read cannot be recorded', async () => {
    const id = await postAlert({ ...PLANTED_ALERT, caller: { phone: '+223 70 00 00 03' } });
    const append = jest.spyOn(running.infra.eventStore, 'append').mockRejectedValueOnce(new Error('disk full'));
    try {
      const res = await running.app.inject({ method: 'GET', url: `/alerts/${id}/caller`, headers: bearer('ops') });
      expect(res.statusCode).toBe(503);
      expect(res.body).not.toContain('70 00 00 03');
    } finally {
      append.mockRestore();
    }
  });
});
