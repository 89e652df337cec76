import { bearer, type InProcessApp } from './in-process-app';

type Role = Parameters<typeof bearer>[0];
export type Written = { id: string; version: number; position: number };

/**
 * Writes and reads against an in-process app, each read waiting (`minPosition`) for the
 * last write it followed: what an int test of a read model needs to check its figures
 * against what it posted. `app` is a getter, the app being started in a `beforeAll`.
 */
export const readYourWrites = (app: () => InProcessApp) => {
  let last = 0;
  /** Any POST, its answer as it is; a write that took effect moves the reads' position. */
  const send = async (url: string, payload: object, role: Role = 'ops') => {
    const res = await app().app.inject({ method: 'POST', url, headers: bearer(role), payload });
    if (res.statusCode < 300) last = Math.max(last, res.json<{ position: number }>().position);
    return res;
  };
  /** A POST that must be accepted. */
  const write = async (url: string, payload: object): Promise<Written> => {
    const res = await send(url, payload);
    expect(res.statusCode).toBeLessThan(300);
    return res.json<Written>();
  };
  const get = (url: string, role: Role = 'analyst', headers: Record<string, string> = {}) =>
    app().app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, headers: { ...bearer(role), ...headers } });
  return { send, write, get, position: () => last };
};
