import { Controller, Get, InternalServerErrorException, Module } from '@nestjs/common';
import { CommandApiModule } from '../../apps/command-api/src/command-api.module';
import { bearer, startInProcessApp, type InProcessApp } from '../support/in-process-app';
import { Public } from '@poc/platform/auth';

// What a careless error would leak: a query, a file path, an address, a library's class.
const SQL = "SELECT data FROM events WHERE stream_id = 'alert-1' ORDER BY position";
const PATH = '/work/main/libs/event-store/src/sqlite/sqlite-event-store.ts:42:7';

@Controller('boom')
class BoomController {
  @Get('plain') @Public()
  plain(): never {
    throw new Error(`${SQL} failed at ${PATH}`);
  }

  @Get('type') @Public()
  type(): unknown {
    return (undefined as unknown as { field: { deeper: string } }).field.deeper;
  }

  @Get('http-500') @Public()
  http500(): never {
    throw new InternalServerErrorException(`connect ECONNREFUSED 10.0.0.5:5432 in pg.Pool at ${PATH}`);
  }

  @Get('library-4xx') @Public()
  library4xx(): never {
    throw Object.assign(new Error(`ENOENT: no such file or directory, open '${PATH}'`), { statusCode: 404, code: 'ENOENT' });
  }
}

@Module({ controllers: [BoomController] })
class BoomModule {}

/** No stack frame, file, query, address or class name; only the problem+json fields. */
const expectNoInternals = (res: { statusCode: number; headers: Record<string, unknown>; body: string }): void => {
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body.status).toBe(res.statusCode);
  expect(Object.keys(body).every((key) => ['status', 'title', 'detail', 'errors'].includes(key))).toBe(true);
  expect(res.body).not.toMatch(/\bat \S+ \(|\.ts\b|\.js\b|\/work\/|node_modules|\bSELECT\b|\bFROM\b|ECONNREFUSED|10\.0\.0\.5|ENOENT|stack/i);
  expect(res.body).not.toMatch(/\b[A-Z][A-Za-z]*(Error|Exception)\b/);
};

describe('error answers carry no internals', () => {
  let running: InProcessApp;
  beforeAll(async () => {
    running = await startInProcessApp(() => [CommandApiModule, BoomModule]);
  });
  afterAll(() => running.close());

  it.each([
    ['a plain Error naming a query and a file', '/boom/plain', 500],
    ['a TypeError from a bug', '/boom/type', 500],
    ['a 5xx HttpException with a connection string', '/boom/http-500', 500],
    ["a library's 4xx error naming a file", '/boom/library-4xx', 404],
  ])('%s', async (_name, url, status) => {
    // When a route fails unexpectedly
    const res = await running.app.inject({ method: 'GET', url });
    // Then the client learns the status and that it was logged, nothing more
    expect(res.statusCode).toBe(status);
    expectNoInternals(res);
  });

  it.each([
    ['malformed JSON', 'application/json', '{"channel": "hotline", ', 400],
    ['JSON with a prototype key', 'application/json', '{"__proto__": {"admin": true}}', 400],
    ['an unsupported content type', 'application/xml', '<alert/>', 415],
  ])('%s in a POST /alerts body', async (_name, type, payload, status) => {
    // Given a store at some position
    const before = await running.infra.eventStore.lastPosition();
    // When a body Fastify cannot parse is posted
    const res = await running.app.inject({ method: 'POST', url: '/alerts', headers: { ...bearer('operator'), 'content-type': type }, payload });
    // Then it is bad input, described without internals, and nothing is stored
    expect(res.statusCode).toBe(status);
    expectNoInternals(res);
    expect(await running.infra.eventStore.lastPosition()).toBe(before);
  });
});
