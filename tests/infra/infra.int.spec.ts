// The services started by tests/setup/global-setup.ts are real: a PostgreSQL 15 that stores
// and returns rows, and a Kafka broker that keeps partitions, keys, consumer groups and
// committed offsets the way the relay and projectors will rely on — checked with kafkajs and
// with an independent client (kcat).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Kafka, logLevel, Partitioners, type Consumer, type EachMessagePayload } from 'kafkajs';
import { Client } from 'pg';

const run = promisify(execFile);

const requireEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run with the global setup (jest --globalSetup tests/setup/global-setup.ts ` +
        `--globalTeardown tests/setup/global-teardown.ts) or POC_INFRA=external after eval "$(infra/up.sh)"`,
    );
  }
  return value;
};

const waitFor = async (what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('PostgreSQL from the test setup', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: requireEnv('DATABASE_URL') });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  it('is PostgreSQL 15 on loopback with fsync on', async () => {
    const { rows } = await client.query<{ version: string; fsync: string; db: string; addr: string }>(
      `select version() as version, current_setting('fsync') as fsync, current_database() as db,
              host(inet_server_addr()) as addr`,
    );
    expect(rows[0].version).toMatch(/^PostgreSQL 15\./);
    expect(rows[0]).toMatchObject({ fsync: 'on', db: 'poc', addr: '127.0.0.1' });
  });

  it('stores rows in a table and reads them back', async () => {
    const table = `infra_check_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await client.query(`create table ${table} (id bigserial primary key, body jsonb not null)`);
    try {
      await client.query(`insert into ${table} (body) select jsonb_build_object('n', n) from generate_series(1, 3) as n`);
      const { rows } = await client.query<{ id: string; body: { n: number } }>(`select id, body from ${table} order by id`);
      expect(rows.map((row) => row.body.n)).toEqual([1, 2, 3]);
    } finally {
      await client.query(`drop table ${table}`);
    }
  });
});

describe('Kafka from the test setup', () => {
  const brokers = requireEnv('KAFKA_BROKERS');
  const kafka = new Kafka({ clientId: 'infra-check', brokers: [brokers], logLevel: logLevel.WARN });
  const topic = `infra-check-${randomUUID()}`;
  const groupId = `infra-check-group-${randomUUID()}`;
  const sent = Array.from({ length: 100 }, (_, i) => ({ key: `stream-${i % 10}`, value: `event-${i}` }));
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    await admin.connect();
    await producer.connect();
  });
  afterAll(async () => {
    await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
    await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
  });

  const startConsumer = async (received: EachMessagePayload[]): Promise<Consumer> => {
    // maxWaitTimeInMs bounds the fetch long-poll, and so how long disconnect() waits (default 5 s).
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 500, retry: { retries: 10 } });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async (payload) => {
        received.push(payload);
      },
    });
    return consumer;
  };

  it('creates a topic with 3 partitions and takes 100 keyed messages in one batch', async () => {
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true })).toBe(true);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0].partitions).toHaveLength(3);

    const acks = await producer.send({ topic, acks: -1, messages: sent });
    expect(acks.every((ack) => ack.errorCode === 0)).toBe(true);

    const offsets = await admin.fetchTopicOffsets(topic);
    expect(offsets.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(100);
    expect(offsets.filter((partition) => Number(partition.high) > 0).length).toBeGreaterThan(1);
  });

  it('is readable by an independent client (kcat)', async () => {
    // -e: exit at the end of every partition; short fetch waits make that quick.
    const args = ['-b', brokers, '-C', '-t', topic, '-o', 'beginning', '-e', '-J', '-q', '-X', 'fetch.wait.max.ms=50'];
    const { stdout } = await run('kcat', args, { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 });
    const records = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { key: string; payload: string; partition: number });
    expect(records).toHaveLength(100);
    expect(new Set(records.map((record) => record.payload))).toEqual(new Set(sent.map((message) => message.value)));
    for (const record of records) expect(record.key).toBe(sent[Number(record.payload.slice('event-'.length))].key);
  });

  it('delivers everything to a consumer group, keeps each key on one partition in order, and keeps commits', async () => {
    const received: EachMessagePayload[] = [];
    const first = await startConsumer(received);
    await waitFor('100 messages in the group', () => received.length >= 100);

    expect(received.map(({ message }) => message.value!.toString()).sort()).toEqual(sent.map((m) => m.value).sort());
    const partitionsOfKey = new Map<string, Set<number>>();
    const orderOfKey = new Map<string, number[]>();
    for (const { partition, message } of received) {
      const key = message.key!.toString();
      partitionsOfKey.set(key, (partitionsOfKey.get(key) ?? new Set()).add(partition));
      orderOfKey.set(key, [...(orderOfKey.get(key) ?? []), Number(message.value!.toString().slice('event-'.length))]);
    }
    for (const [key, partitions] of partitionsOfKey) expect([key, partitions.size]).toEqual([key, 1]);
    for (const [key, order] of orderOfKey) expect([key, order]).toEqual([key, [...order].sort((a, b) => a - b)]);

    // Commit what was read: the next offset of each partition.
    const next = new Map<number, bigint>();
    for (const { partition, message } of received) {
      const after = BigInt(message.offset) + 1n;
      if (after > (next.get(partition) ?? 0n)) next.set(partition, after);
    }
    await first.commitOffsets([...next].map(([partition, offset]) => ({ topic, partition, offset: offset.toString() })));
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const high = await admin.fetchTopicOffsets(topic);
    for (const { partition, offset } of committed[0].partitions) {
      const end = high.find((h) => h.partition === partition)!.high;
      // An empty partition has nothing read and nothing committed (-1).
      expect([partition, offset]).toEqual([partition, end === '0' ? '-1' : end]);
    }
    await first.disconnect();

    // A restarted member of the same group resumes after the commits: it reads only what is new.
    const again: EachMessagePayload[] = [];
    await startConsumer(again);
    const later = Array.from({ length: 5 }, (_, i) => ({ key: `stream-${i}`, value: `later-${i}` }));
    await producer.send({ topic, acks: -1, messages: later });
    await waitFor('5 new messages after the restart', () => again.length >= 5);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // anything old would show up now
    expect(again.map(({ message }) => message.value!.toString()).sort()).toEqual(later.map((m) => m.value).sort());
  }, 60_000);
});
