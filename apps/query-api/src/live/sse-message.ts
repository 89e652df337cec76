import type { StoredEvent } from '@poc/domain';

/** What the live feed tells of an event: where it is and what kind, never its data (callers' details are personal). */
export type LiveEvent = Readonly<{ position: number; type: string; streamId: string; recordedAt: string }>;

/** SSE fields end at a line break: one in a value would start a field of its own. */
const oneLine = (text: string): string => text.replace(/[\r\n]/g, ' ');

/** One server-sent event; `id` is the global position, which a reconnecting client sends back as Last-Event-ID. */
export const sseMessage = (event: StoredEvent): string => {
  const data: LiveEvent = { position: event.position, type: event.type, streamId: event.streamId, recordedAt: event.recordedAt };
  return `id: ${event.position}\nevent: ${oneLine(event.type)}\ndata: ${JSON.stringify(data)}\n\n`;
};

/** A comment line: keeps proxies and clients from taking a quiet stream for a dead one. */
export const SSE_KEEP_ALIVE = ': keep-alive\n\n';
