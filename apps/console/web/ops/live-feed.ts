import { apiKey } from '../shared/session';

export type LiveEvent = Readonly<{ position: number; type: string; streamId: string; recordedAt: string }>;

const RECONNECT_MS = 1_000;

/**
 * GET /live read with fetch rather than EventSource: EventSource cannot send the API key in a
 * header, and a key never goes in a URL. On reconnect, Last-Event-ID resumes after the last
 * event seen, so a dropped connection misses nothing.
 */
export const followLive = (onEvent: (e: LiveEvent) => void, onState: (live: boolean) => void): (() => void) => {
  let lastId: string | undefined;
  let stopped = false;
  let controller: AbortController | undefined;

  const readStream = async (): Promise<void> => {
    controller = new AbortController();
    const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${apiKey() ?? ''}` };
    if (lastId) headers['last-event-id'] = lastId;
    const response = await fetch('/live', { headers, signal: controller.signal, cache: 'no-store' });
    if (!response.ok || !response.body) throw new Error(`live: HTTP ${response.status}`);
    onState(true);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = message.split('\n');
        const id = lines.find((l) => l.startsWith('id:'))?.slice(3).trim();
        const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
        if (id) lastId = id;
        if (data) onEvent(JSON.parse(data) as LiveEvent);
      }
    }
  };

  const loop = async (): Promise<void> => {
    while (!stopped) {
      try {
        await readStream();
      } catch {
        /* dropped or refused: shown as off, tried again */
      }
      if (stopped) return;
      onState(false);
      await new Promise((r) => setTimeout(r, RECONNECT_MS));
    }
  };
  void loop();
  return () => {
    stopped = true;
    controller?.abort();
  };
};
