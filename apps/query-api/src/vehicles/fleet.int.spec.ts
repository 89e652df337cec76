import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import type { InProcessApp } from '../../../../tests/support/in-process-app';
import { readYourWrites } from '../../../../tests/support/read-your-writes';

type StatusCount = { status: string; count: number; share: number | null };
type Fleet = {
  on: string;
  asOf: string | null;
  total: number;
  byStatus: StatusCount[];
  byContingent: { contingent: string; total: number; byStatus: StatusCount[] }[];
  byCause: { cause: string; count: number; share: number | null }[];
  writtenOff: number;
};

const JAN = '2020-01-02T08:00:00Z';
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * A small fleet posted through the API, its figures counted here from what was posted:
 *   BAN-1  BANBAT   in use throughout
 *   BAN-2  BANBAT   in use; unusable (IED damage) on 10 March, recorded then
 *   TOG-1  TOGOBAT  registered under maintenance; in use again on 15 March
 *   TOG-2  TOGOBAT  in use; unusable (beyond repair) on 20 March; written off on 1 April
 *   TOG-3  TOGOBAT  registered on 10 April
 */
describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('armoured vehicles and the fleet on a date (%s)', (_store, start) => {
  let running: InProcessApp;
  let afterIedDamage = '';

  const { send: post, write, get } = readYourWrites(() => running);
  const fleet = async (query: string) => {
    const res = await get(`/fleet?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<Fleet>();
  };
  const counts = (f: Fleet) => Object.fromEntries(f.byStatus.map((s) => [s.status, s.count]));

  beforeAll(async () => {
    running = await start();
    const register = (registration: string, contingent: string, extra: object = {}) =>
      write('/vehicles', { registration, contingent, type: 'Casspir', registeredAt: JAN, ...extra });
    await register('BAN-1', 'BANBAT');
    await register('ban-2', 'BANBAT');
    await register('TOG-1', 'TOGOBAT', { status: 'under-maintenance', registeredAt: '2020-01-05T08:00:00Z' });
    await register('TOG-2', 'TOGOBAT');
    await write('/vehicles/BAN-2/status', { status: 'unusable', at: '2020-03-10T07:00:00Z', cause: 'ied-damage', note: 'Gao–Ansongo axis' });
    // A clear millisecond on each side: recordedAt is the server's clock at the append.
    await pause();
    afterIedDamage = new Date().toISOString();
    await pause();
    await write('/vehicles/TOG-1/status', { status: 'in-use', at: '2020-03-15T12:00:00Z' });
    await write('/vehicles/tog-2/status', { status: 'unusable', at: '2020-03-20T12:00:00Z', cause: 'damage-beyond-repair' });
    await write('/vehicles/TOG-2/write-off', { at: '2020-04-01T10:00:00Z', reason: 'no spare hull in theatre' });
    await register('TOG-3', 'TOGOBAT', { registeredAt: '2020-04-10T08:00:00Z' });
  });
  afterAll(() => running?.close());

  it('the fleet on a day before any change: all four registered, one in maintenance', async () => {
    const f = await fleet('on=2020-02-01');
    expect(f).toMatchObject({ on: '2020-02-01', asOf: null, total: 4, writtenOff: 0 });
    expect(f.byStatus).toEqual([
      { status: 'in-use', count: 3, share: 0.75 },
      { status: 'under-maintenance', count: 1, share: 0.25 },
      { status: 'unusable', count: 0, share: 0 },
    ]);
  });

  it('the day before and the day of a change', async () => {
    expect(counts(await fleet('on=2020-03-09'))).toEqual({ 'in-use': 3, 'under-maintenance': 1, unusable: 0 });
    expect(counts(await fleet('on=2020-03-10'))).toEqual({ 'in-use': 2, 'under-maintenance': 1, unusable: 1 });
  });

  it('on 25 March: by status, by contingent, unusable by cause', async () => {
    const f = await fleet('on=2020-03-25');
    expect(f.total).toBe(4);
    expect(counts(f)).toEqual({ 'in-use': 2, 'under-maintenance': 0, unusable: 2 });
    expect(f.byStatus.find((s) => s.status === 'unusable')!.share).toBe(0.5);
    expect(f.byContingent.map((c) => [c.contingent, c.total, c.byStatus.map((s) => s.count)])).toEqual([
      ['BANBAT', 2, [1, 0, 1]],
      ['TOGOBAT', 2, [1, 0, 1]],
    ]);
    expect(f.byCause.filter((c) => c.count > 0)).toEqual([
      { cause: 'ied-damage', count: 1, share: 0.5 },
      { cause: 'damage-beyond-repair', count: 1, share: 0.5 },
    ]);
  });

  it('a written-off vehicle is out of the fleet from its write-off day; a later registration comes in on its own day', async () => {
    expect(await fleet('on=2020-03-31')).toMatchObject({ total: 4, writtenOff: 0 });
    const april = await fleet('on=2020-04-01');
    expect(april).toMatchObject({ total: 3, writtenOff: 1 });
    expect(counts(april)).toEqual({ 'in-use': 2, 'under-maintenance': 0, unusable: 1 });
    expect(await fleet('on=2020-04-10')).toMatchObject({ total: 4, writtenOff: 1 });
  });

  it('as of a time: only what had been recorded by then', async () => {
    const then = await fleet(`on=2020-05-01&asOf=${afterIedDamage}`);
    expect(then.asOf).toBe(afterIedDamage);
    // Recorded by then: four registrations and BAN-2's damage; TOG-1 still in maintenance, TOG-2 not yet written off.
    expect(then.total).toBe(4);
    expect(counts(then)).toEqual({ 'in-use': 2, 'under-maintenance': 1, unusable: 1 });
    expect(await fleet('on=2020-05-01&asOf=2020-01-01')).toMatchObject({ total: 0 });
  });

  it('the register: one vehicle with its history, the list filtered by status', async () => {
    const res = await get('/vehicles/tog-2');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ vehicleId: string; status: string; writtenOffAt: string; history: { status: string; since: string; cause?: string }[] }>();
    expect(doc).toMatchObject({ vehicleId: 'TOG-2', status: 'written-off', writtenOffAt: '2020-04-01T10:00:00.000Z' });
    expect(doc.history.map((p) => [p.status, p.since, p.cause ?? null])).toEqual([
      ['in-use', '2020-01-02T08:00:00.000Z', null],
      ['unusable', '2020-03-20T12:00:00.000Z', 'damage-beyond-repair'],
      ['written-off', '2020-04-01T10:00:00.000Z', null],
    ]);
    const inUse = await get('/vehicles?status=in-use');
    expect(inUse.json<{ vehicleId: string }[]>().map((v) => v.vehicleId)).toEqual(['BAN-1', 'TOG-1', 'TOG-3']);
    expect((await get('/vehicles/NOPE-1')).statusCode).toBe(404);
  });

  it('the rules at the edge: registered twice 409, same status 409, after a write-off 409, no cause 422, unknown 404, bad field 400', async () => {
    const twice = await post('/vehicles', { registration: 'Ban-1', contingent: 'TOGOBAT', type: 'APC', registeredAt: JAN });
    expect(twice.statusCode).toBe(409);
    expect((await post('/vehicles/BAN-1/status', { status: 'in-use', at: '2020-04-01T00:00:00Z' })).statusCode).toBe(409);
    expect((await post('/vehicles/TOG-2/status', { status: 'in-use', at: '2020-04-02T00:00:00Z' })).statusCode).toBe(409);
    expect((await post('/vehicles/TOG-2/write-off', { at: '2020-04-02T00:00:00Z' })).statusCode).toBe(409);
    const noCause = await post('/vehicles/BAN-1/status', { status: 'unusable', at: '2020-04-01T00:00:00Z' });
    expect(noCause.statusCode).toBe(422);
    expect(noCause.json<{ field: string }>().field).toBe('cause');
    expect((await post('/vehicles/BAN-2/status', { status: 'in-use', at: '2020-03-01T00:00:00Z' })).statusCode).toBe(422);
    expect((await post('/vehicles/NOPE-1/write-off', { at: '2020-04-01T00:00:00Z' })).statusCode).toBe(404);
    const badStatus = await post('/vehicles/BAN-1/status', { status: 'broken', at: '2020-04-01T00:00:00Z' });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['status']);
    const badRegistration = await post('/vehicles', { registration: 'UN 1/2', contingent: 'X', type: 'APC', registeredAt: JAN });
    expect(badRegistration.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['registration']);
    expect((await get('/fleet?on=2020-02-30')).statusCode).toBe(400);
    expect((await post('/vehicles', { registration: 'AN-1', contingent: 'X', type: 'APC', registeredAt: JAN }, 'analyst')).statusCode).toBe(403);
  });
});
