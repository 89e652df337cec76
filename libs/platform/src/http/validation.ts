import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';

export type FieldProblem = Readonly<{ field: string; problems: string[] }>;

/** Flattens class-validator's tree into one entry per bad field, named by its path. */
export const fieldProblems = (errors: readonly ValidationError[], parent = ''): FieldProblem[] =>
  errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });

export class InvalidRequest extends BadRequestException {
  constructor(readonly fields: FieldProblem[]) {
    super(`invalid request: ${fields.map((f) => f.field).join(', ')}`);
  }
}

/** No body of this API nests deeper than 4 levels; the margin is for clients' mistakes, not their attacks. */
export const MAX_NESTING_DEPTH = 32;

/**
 * class-transformer, Nest's proto stripping and the request hash all recurse into the body:
 * a few thousand `[` (a 10 kB request) would overflow the stack and answer 500. Walks
 * without recursion and refuses the request before any of them runs.
 */
export const assertShallow = (value: unknown, field = 'body'): void => {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_NESTING_DEPTH) throw new InvalidRequest([{ field, problems: [`${field} must not nest more than ${MAX_NESTING_DEPTH} levels deep`] }]);
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
};

class ShallowValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    assertShallow(value, metadata.data ?? metadata.type);
    return super.transform(value, metadata);
  }
}

/** Unknown fields are bad input (API.md), and strings are never coerced into numbers. */
export const createValidationPipe = (): ValidationPipe =>
  new ShallowValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // One problem per field is enough to fix it; a list of every rule a string broke is noise.
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidRequest(fieldProblems(errors)),
  });
