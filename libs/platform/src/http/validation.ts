import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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

/** Unknown fields are bad input (API.md), and strings are never coerced into numbers. */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
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
