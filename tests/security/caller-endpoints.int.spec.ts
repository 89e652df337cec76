import { bearer, startInProcessApp, type InProcessApp } from '../support/in-process-app';

const PHONE = '+223 76 54 32 19';
const alertBody = (caller?: { name?: string; phone?: string }) => ({
  channel: 'hotline',
  receivedAt: '2020-03-01T08:00:00Z',
  location: { lat: 14.15, lon: -3.62, precision: 2, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' },
  threat: { kind: 'attack-on-civilians' },
  description: 'armed men east of the village',
  ...(caller && { caller }),
});

describe('caller details: seen by ops while the key exists, gone for good after forget-caller', () => {
  let running: InProcessApp;
  beforeAll(async () => {
    running = await startInProcessApp();
  });
  afterAll(async () => running.close());

  const post = async (caller?: { name?: string; phone?: string }): Promise<string> => {
    const res = await running.app.inject({ method: 'POST', url: '/alerts', headers: bearer('operator'), payload: alertBody(caller) });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const caller = (alertId: string, role: 'ops' | 'analyst' | 'operator' | 'admin' = 'ops') =>
    running.app.inject({ method: 'GET', url: `/alerts/${alertId}/caller`, headers: bearer(role) });
  const alertView = async (alertId: string) =>
    (await running.app.inject({ method: 'GET', url: `/alerts/${alertId}`, headers: bearer('analyst') })).json();

  it('gives ops the name and number, refuses analysts and operators, and stores only ciphertext', async () => {
    const id = await post({ name: 'Fatoumata Planted', phone: PHONE });
    expect((await caller(id)).json()).toEqual({ alertId: id, name: 'Fatoumata Planted', phone: PHONE });
    expect((await caller(id, 'analyst')).statusCode).toBe(403);
    expect((await caller(id, 'operator')).statusCode).toBe(403);
    const [received] = await running.infra.eventStore.readStream(`alert-${id}`);
    expect(received!.data).toMatchObject({ caller: { sealed: true, keyId: expect.any(String), ciphertext: expect.any(String) } });
    expect(JSON.stringify(received)).not.toMatch(/Fatoumata|54 32 19|76543219/);
    expect(await alertView(id)).toMatchObject({ hasCaller: true, callerStatus: 'protected' });
  });

  it('forgets a caller on every alert from the same number, keeps the rest of each alert, and records who did it', async () => {
    const first = await post({ name: 'Moussa', phone: '+223 70 11 22 33' });
    const second = await post({ phone: '+22370112233' });
    const other = await post({ phone: '+223 70 99 99 99' });
    expect((await running.app.inject({ method: 'DELETE', url: `/alerts/${first}/caller`, headers: bearer('ops') })).statusCode).toBe(403);

    const forgotten = await running.app.inject({ method: 'DELETE', url: `/alerts/${first}/caller`, headers: bearer('admin') });
    expect(forgotten.statusCode).toBe(200);
    expect(forgotten.json().alertIds).toEqual([first, second].sort());

    for (const id of [first, second]) {
      const gone = await caller(id);
      expect(gone.statusCode).toBe(410);
      expect(gone.headers['content-type']).toMatch(/problem\+json/);
      const view = await running.app.inject({ method: 'GET', url: `/alerts/${id}?minPosition=${forgotten.json().position}`, headers: bearer('analyst') });
      expect(view.json()).toMatchObject({ hasCaller: true, callerStatus: 'erased', description: 'armed men east of the village', threat: { kind: 'attack-on-civilians' } });
    }
    expect((await caller(other)).json()).toMatchObject({ phone: '+223 70 99 99 99' });
    const stream = await running.infra.eventStore.readStream(`alert-${first}`);
    expect(stream.map((e) => e.type)).toEqual(['AlertReceived', 'CallerErased']);
    expect(stream[1]!.metadata).toMatchObject({ role: 'admin' });

    // Forgetting again changes nothing and still answers.
    const again = await running.app.inject({ method: 'DELETE', url: `/alerts/${first}/caller`, headers: bearer('admin') });
    expect(again.statusCode).toBe(200);
    expect((await running.infra.eventStore.readStream(`alert-${first}`)).length).toBe(2);
  });

  it('answers 404 for an alert without a caller or an unknown alert', async () => {
    const id = await post();
    expect((await caller(id)).statusCode).toBe(404);
    expect((await caller('no-such-alert')).statusCode).toBe(404);
    expect((await running.app.inject({ method: 'DELETE', url: `/alerts/${id}/caller`, headers: bearer('admin') })).statusCode).toBe(404);
  });
});
