import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** Swagger UI lives under this prefix; /docs-json is plain JSON and gets the API's policy. */
const DOCS_UI = /^\/docs(\/|$|\?)/;

/** A JSON API loads nothing and may be framed by no one. */
export const API_CSP = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * Swagger UI is a page: its own scripts and styles (external scripts only, but an inline
 * <style> and style attributes), data: icons in its CSS, blob: images when it shows a
 * response such as the deterrence chart, and fetch to this origin for "Try it out".
 */
export const DOCS_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * The web console (`/` and its bundle under `/console/`): its own scripts and styles only
 * (style attributes too: Leaflet positions map panes with them), data: images from the
 * bundle, blob: for the deterrence chart it fetches with the key, fetch to this origin only.
 * Nothing from any other origin: the ops rooms work offline.
 */
export const CONSOLE_CSP = {
  ...DOCS_CSP,
  'font-src': ["'self'"],
  'media-src': ["'none'"],
  'form-action': ["'none'"],
};
const CONSOLE = /^\/($|console\/)/;

const API_HEADERS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
};
const setApiHeaders = helmet(API_HEADERS);

/**
 * Security headers on every response of every app, errors and 404s included: strict CSP,
 * nosniff, no framing, no referrer, no X-Powered-By, plus Cache-Control: no-store so
 * alerts and callers' details never sit in a browser or proxy cache. Register before any
 * route (Swagger's included): the per-route policy is attached when a route is declared.
 */
export const useSecurityHeaders = async (app: NestFastifyApplication): Promise<void> => {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    if (DOCS_UI.test(route.url)) {
      route.config = { ...route.config, helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } } } as typeof route.config;
    } else if (CONSOLE.test(route.url)) {
      route.config = { ...route.config, helmet: { contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP } } } as typeof route.config;
    }
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    // A handler may still choose to allow caching by setting its own header later.
    if (!DOCS_UI.test(request.url)) void reply.header('cache-control', 'no-store');
    done();
  });
  await app.register(fastifyHelmet, API_HEADERS);
};

/**
 * Fastify's router answers some URLs (`/alerts/%ZZ`) through `frameworkErrors` before any
 * hook runs: this gives those answers the same headers as every other.
 */
export const withSecurityHeaders =
  <E>(send: (error: E, request: FastifyRequest, reply: FastifyReply) => void) =>
  (error: E, request: FastifyRequest, reply: FastifyReply): void => {
    setApiHeaders(request.raw, reply.raw, () => undefined);
    void reply.header('cache-control', 'no-store');
    send(error, request, reply);
  };
