import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { DomainError } from '@poc/domain';
import { EventStoreUnavailable, IdempotencyKeyReused, WrongExpectedVersion } from '@poc/event-store';
import { isUnavailable } from '../wiring/unavailable';
import { InvalidRequest } from './validation';

type Problem = { status: number; title: string; detail: string; [extra: string]: unknown };

const DOMAIN_STATUS = { 'not-found': 404, conflict: 409, invalid: 422 } as const;

/** Fastify's own errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode. */
const isClientError = (e: unknown): e is { statusCode: number; message: string; code?: string } =>
  typeof e === 'object' && e !== null && typeof (e as { statusCode?: unknown }).statusCode === 'number' &&
  (e as { statusCode: number }).statusCode >= 400 && (e as { statusCode: number }).statusCode < 500;

const unexpected = (status: number): Problem => ({
  status,
  title: STATUS_CODES[status] ?? 'Internal Server Error',
  detail: 'an unexpected error occurred; it has been logged',
});

export const toProblem = (exception: unknown): Problem => {
  if (exception instanceof InvalidRequest) {
    return { status: 400, title: 'Bad Request', detail: exception.message, errors: exception.fields };
  }
  if (exception instanceof DomainError) {
    return { status: DOMAIN_STATUS[exception.kind], title: exception.kind, detail: exception.message, ...(exception.field && { field: exception.field }) };
  }
  if (exception instanceof WrongExpectedVersion) {
    return { status: 409, title: 'Conflict', detail: exception.message, currentVersion: exception.actual };
  }
  if (exception instanceof IdempotencyKeyReused) return { status: 409, title: 'Conflict', detail: exception.message };
  if (exception instanceof EventStoreUnavailable || isUnavailable(exception)) {
    return { status: 503, title: 'Service Unavailable', detail: 'the database is unavailable; nothing was stored, retry later' };
  }
  // A 5xx HttpException (Fastify's own reply errors, mapped by Nest, or one thrown in code)
  // describes the server, not the request: its message stays in the log.
  if (exception instanceof HttpException && exception.getStatus() >= 500) return unexpected(exception.getStatus());
  if (exception instanceof HttpException) {
    const body = exception.getResponse();
    const detail = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
    return { status: exception.getStatus(), title: HttpStatus[exception.getStatus()] ?? 'Error', detail: Array.isArray(detail) ? detail.join('; ') : String(detail) };
  }
  if (isClientError(exception)) {
    const title = STATUS_CODES[exception.statusCode] ?? 'Bad Request';
    // Fastify's messages are written for clients; another library's may name files or queries.
    return { status: exception.statusCode, title, detail: String(exception.code).startsWith('FST_') ? exception.message : `the request was refused: ${title}` };
  }
  return unexpected(500);
};


/** Every error leaves as application/problem+json, without stack traces or internals. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const problem = toProblem(exception);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(problem.status).header('content-type', 'application/problem+json').send(problem);
  }
}
