/**
 * A refusal by the domain. `kind` maps to an HTTP status at the edge:
 * not-found → 404, conflict → 409 (state forbids it: completing twice), invalid → 422
 * (well-formed but impossible: a stop that departs before it arrives).
 */
export type DomainErrorKind = 'not-found' | 'conflict' | 'invalid';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('not-found', `${what} does not exist`);
export const conflict = (reason: string): DomainError => new DomainError('conflict', reason);
export const invalid = (reason: string, field?: string): DomainError => new DomainError('invalid', reason, field);
