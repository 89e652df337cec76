import { BadRequestException, ValidationPipe, type ArgumentMetadata, type PipeTransform, type ValidationError } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';

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

const tooDeep = (field: string): InvalidRequest =>
  new InvalidRequest([{ field, problems: [`${field} must not nest more than ${MAX_NESTING_DEPTH} levels deep`] }]);

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
    if (depth >= MAX_NESTING_DEPTH) throw tooDeep(field);
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
};

/**
 * Text PostgreSQL cannot store: NUL (text and jsonb refuse it) and UTF-16 halves without their
 * pair (jsonb refuses the escape JSON.stringify writes for them). SQLite would take both, so
 * the same request must be refused on either store, before it reaches one.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const childPath = (parent: string, key: string, inArray: boolean): string => (inArray ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/** Depth and storable text in one pass over a body, query or parameter, naming each bad field. */
const inputProblems = (value: unknown, root: string): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const pending: [unknown, number, string][] = [[value, 0, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth, path] = next;
    if (typeof node === 'string' && UNSTORABLE.test(node)) {
      problems.push({ field: path || root, problems: [`${path || root} must not contain NUL or unpaired UTF-16 surrogates`] });
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_NESTING_DEPTH) throw tooDeep(root);
    const inArray = Array.isArray(node);
    for (const [key, child] of Object.entries(node)) {
      if (UNSTORABLE.test(key)) problems.push({ field: path || root, problems: [`${path || root} has a field name with NUL or unpaired UTF-16 surrogates`] });
      pending.push([child, depth + 1, childPath(path, key, inArray)]);
    }
  }
  return problems;
};

class HardenedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problems = inputProblems(value, metadata.data ?? metadata.type);
    // 100 000 bad array items would make a megabyte of answer: the first few say enough.
    if (problems.length > 0) throw new InvalidRequest(problems.slice(0, 20));
    return super.transform(value, metadata);
  }
}

/** Unknown fields are bad input (API.md), and strings are never coerced into numbers. */
export const createValidationPipe = (): ValidationPipe =>
  new HardenedValidationPipe({
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

/** Ids become stream ids and read-model keys: a safe alphabet, so they never need escaping. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) throw new BadRequestException('id must be 1–64 letters, digits, - or _');
    return value;
  }
}

/** The same rule in the OpenAPI document, so that generated clients and fuzzers send ids that can exist. */
export const ApiIdParam = (name = 'id') =>
  ApiParam({ name, schema: { type: 'string', pattern: ID_PATTERN.source, maxLength: 64 }, example: '6f1c2a8e-3b0d-4c55-9a11-2f4f8c7e9d10' });
