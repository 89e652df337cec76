import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemFilter } from './problem.filter';
import { createValidationPipe } from './validation';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** One way to build every HTTP app: Fastify, validation, problem+json errors, OpenAPI at /docs. */
export const createHttpApp = async (module: Type | object, title: string): Promise<NestFastifyApplication> => {
  const app = await NestFactory.create<NestFastifyApplication>(
    module as Type,
    new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: false }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
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
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
};
