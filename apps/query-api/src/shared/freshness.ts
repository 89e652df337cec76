import type { FastifyReply } from 'fastify';
import type { Freshness } from './read-models.service';

/** Tell the client how far the read model had got, and whether it reached what was asked. */
export const setFreshnessHeaders = (reply: FastifyReply, freshness: Freshness): void => {
  void reply.header('x-read-model-position', String(freshness.position));
  if (freshness.stale) void reply.header('x-read-model-stale', 'true');
};
