import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemFilter, toProblem } from './problem.filter';
import { documentContract } from './openapi-contract';
import { useSecurityHeaders, withSecurityHeaders } from './security-headers';
import { createValidationPipe } from './validation';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Fastify's router refuses some URLs (`/alerts/%ZZ`, over-long ids) before Nest sees them: the same problem+json. */
const sendFrameworkError = (error: Error, _request: unknown, reply: FastifyReply): void => {
  void reply.status(toProblem(error).status).header('content-type', 'application/problem+json').send(toProblem(error));
};

/** One way to build every HTTP app: Fastify, validation, problem+json errors, security headers, OpenAPI at /docs. */
export const createHttpApp = async (module: Type | object, title: string): Promise<NestFastifyApplication> => {
  const app = await NestFactory.create<NestFastifyApplication>(
    module as Type,
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: false, frameworkErrors: withSecurityHeaders(sendFrameworkError) }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
  // Before any route is declared, Swagger's included: routes get their header policy then.
  await useSecurityHeaders(app);
  setupOpenApi(app, title);
  return app;
};

export const setupOpenApi = (app: INestApplication, title: string): void => {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription('Event-sourced incident tracking for protection of civilians. Times are ISO 8601 UTC; coordinates WGS84.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = documentContract(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
};
