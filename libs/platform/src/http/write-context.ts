import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Role } from '@poc/domain';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { assertShallow } from './validation';

/** Who asks, and the headers of API.md that shape a write. */
export type WriteContext = Readonly<{
  actor: string;
  role: Role;
  correlationId: string;
  idempotencyKey?: string;
  /** Hash of method, route and body: the same key with another request is refused. */
  requestHash: string;
  ifMatch?: number;
}>;

const canonical = (value: unknown): string =>
  value === null || typeof value !== 'object'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? `[${value.map(canonical).join(',')}]`
      : `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`;

/**
 * Fields left out of the request hash, which is kept beside the events: a hash of a body
 * whose other fields the events show would let anyone who reads the store try every phone
 * number until one matches. Their presence still counts; their content does not.
 */
const PERSONAL_FIELDS = ['caller'];

const withoutPersonalData = (body: unknown): unknown =>
  body !== null && typeof body === 'object' && !Array.isArray(body)
    ? Object.fromEntries(Object.entries(body).map(([k, v]) => [k, PERSONAL_FIELDS.includes(k) && v !== undefined ? '[personal data]' : v]))
    : body;

export const writeContextOf = (request: AuthenticatedRequest): WriteContext => {
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const idempotencyKey = header('idempotency-key');
  if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
    throw new BadRequestException('Idempotency-Key must be 1 to 200 characters');
  }
  const ifMatchRaw = header('if-match')?.replace(/^W\//, '').replace(/"/g, '');
  if (ifMatchRaw !== undefined && !/^\d+$/.test(ifMatchRaw)) throw new BadRequestException('If-Match must be a stream version (a whole number)');
  const route = request.routeOptions?.url ?? request.url;
  // `canonical` recurses: a deeply nested body must be refused (400), not overflow the stack.
  assertShallow(request.body);
  return {
    actor: request.principal?.actor ?? 'anonymous',
    role: request.principal?.role ?? 'system',
    correlationId: header('x-correlation-id') ?? randomUUID(),
    ...(idempotencyKey !== undefined && { idempotencyKey }),
    requestHash: createHash('sha256').update(`${request.method} ${route} ${request.url} ${canonical(withoutPersonalData(request.body ?? null))}`).digest('hex'),
    ...(ifMatchRaw !== undefined && { ifMatch: Number(ifMatchRaw) }),
  };
};

export const Write = createParamDecorator((_: unknown, ctx: ExecutionContext): WriteContext =>
  writeContextOf(ctx.switchToHttp().getRequest<AuthenticatedRequest>()),
);
