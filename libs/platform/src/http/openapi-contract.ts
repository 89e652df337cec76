import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** What ProblemFilter sends (problem.filter.ts): RFC 9457 members plus the field list of a 400. */
const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['status', 'title', 'detail'],
  properties: {
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    title: { type: 'string', example: 'Bad Request' },
    detail: { type: 'string', example: 'invalid request: receivedAt' },
    errors: {
      type: 'array',
      description: 'on a 400 from validation: each bad field, named by its path, with what is wrong',
      items: {
        type: 'object',
        required: ['field', 'problems'],
        properties: { field: { type: 'string', example: 'location.lat' }, problems: { type: 'array', items: { type: 'string' } } },
      },
    },
    field: { type: 'string', description: 'on a 422: the field the domain refused' },
    currentVersion: { type: 'integer', description: 'on a 409 from If-Match: the stream version now' },
  },
};

const WHY: Record<number, string> = {
  400: 'bad input: each bad field is named; nothing was stored',
  401: 'missing or unknown API key',
  403: 'this role may not do this',
  404: 'no such id',
  409: 'the state forbids it, If-Match is stale, or the Idempotency-Key was used with another request',
  413: 'body over 1 MiB',
  414: 'a path parameter longer than the router accepts',
  415: 'the body is not application/json',
  422: 'well-formed but impossible (a time in the future, a stop departing before it arrives)',
  503: 'the store is unavailable; nothing was stored, retry later',
};

/** Which refusals an operation can give, by its shape (API.md, "Common"). */
const statusesOf = (path: string, method: string, operation: OperationObject): number[] => {
  const secured = (operation.security ?? []).length > 0;
  const hasInput = (operation.parameters ?? []).length > 0 || operation.requestBody !== undefined;
  return [
    ...(hasInput ? [400] : []),
    ...(secured ? [401, 403] : []),
    ...(path.includes('{') ? [404, 414] : []),
    ...(method === 'post' ? [409, 413, 415, 422] : []),
    ...(secured ? [503] : []),
  ];
};

/**
 * Every refusal leaves as application/problem+json: document each where it can happen, so that
 * clients (and schemathesis' status-code and content-type checks) know what to expect.
 * A response the controller already describes keeps its description and gains the schema.
 */
const documentProblemResponses = (document: OpenAPIObject): void => {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  const content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as [string, OperationObject][]) {
      if (typeof operation !== 'object' || !operation || !('responses' in operation)) continue;
      // Refusals the controllers declare themselves (429, 410) are problem+json too.
      const declared = Object.keys(operation.responses).filter((code) => Number(code) >= 400).map(Number);
      for (const status of new Set([...statusesOf(path, method, operation), ...declared])) {
        const existing = operation.responses[status] as ResponseObject | undefined;
        operation.responses[status] = { description: existing?.description ?? WHY[status] ?? 'refused', ...existing, content };
      }
    }
  }
};

const refName = (schema: SchemaObject | ReferenceObject | undefined): string | undefined =>
  schema && '$ref' in schema ? schema.$ref.replace('#/components/schemas/', '') : undefined;

/**
 * Unknown fields are bad input (API.md; forbidNonWhitelisted): say so in every request body's
 * schema and the schemas it nests, or a generated client (and schemathesis) takes a body with
 * extra fields for a valid one.
 */
const closeRequestBodies = (document: OpenAPIObject): void => {
  const schemas = document.components?.schemas ?? {};
  const pending = Object.values(document.paths).flatMap((item) =>
    Object.values(item).flatMap((operation: OperationObject) => {
      const body = operation?.requestBody as { content?: Record<string, { schema?: SchemaObject | ReferenceObject }> } | undefined;
      return Object.values(body?.content ?? {}).map((media) => refName(media.schema));
    }),
  );
  const closed = new Set<string>();
  for (let name = pending.pop(); name !== undefined || pending.length > 0; name = pending.pop()) {
    const schema = name === undefined ? undefined : (schemas[name] as SchemaObject | undefined);
    if (!name || !schema || closed.has(name)) continue;
    closed.add(name);
    schema.additionalProperties = false;
    for (const property of Object.values(schema.properties ?? {}) as SchemaObject[]) {
      pending.push(refName(property), refName(property.items as SchemaObject | ReferenceObject | undefined));
    }
  }
};

/** The rules every app keeps (problem+json refusals, no unknown fields), written into its OpenAPI document. */
export const documentContract = (document: OpenAPIObject): OpenAPIObject => {
  documentProblemResponses(document);
  closeRequestBodies(document);
  return document;
};
