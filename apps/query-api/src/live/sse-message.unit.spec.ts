import type { StoredEvent } from '@poc/domain';
import { sseMessage } from './sse-message';

const event: StoredEvent = {
  id: 'e1', type: 'AlertReceived', schemaVersion: 3, streamId: 'alert-a1', streamVersion: 1, position: 42,
  occurredAt: '2020-03-01T08:00:00.000Z', recordedAt: '2020-03-01T08:00:01.000Z',
  data: { caller: { name: 'Amadou', phone: '+223 70 00 00 00' }, description: 'men near the well' },
  metadata: { actor: 'operator:1234abcd#0', role: 'operator' } as StoredEvent['metadata'],
};

describe('sseMessage', () => {
  it('names the position, the type and the stream, nothing of the data', () => {
    expect(sseMessage(event)).toBe(
      'id: 42\nevent: AlertReceived\ndata: {"position":42,"type":"AlertReceived","streamId":"alert-a1","recordedAt":"2020-03-01T08:00:01.000Z"}\n\n',
    );
    expect(sseMessage(event)).not.toMatch(/Amadou|well|operator/);
  });

  it('keeps a line break in a type from starting a field of its own', () => {
    expect(sseMessage({ ...event, type: 'Odd\ndata: x' }).split('\n').filter((line) => line.startsWith('data:'))).toHaveLength(1);
  });
});
