import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app';

/** The alerts rate limit would turn a fuzz run into a wall of 429s. */
const NO_RATE_LIMIT = { ALERTS_RATE_LIMIT: 'off' };

export const startOnSqlite = (): Promise<InProcessApp> => startInProcessApp(undefined, NO_RATE_LIMIT);

const databaseUrl = (): string => {
  const url = process.env.DATABASE_URL;
  // Fail, never skip: the int tier's globalSetup starts a server and sets it.
  if (!url) throw new Error('DATABASE_URL is not set: `npx jest --selectProjects int` starts a PostgreSQL server and sets it');
  return url;
};

const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * An app on a fresh database of the int tier's server (as the PostgreSQL int specs make
 * theirs); closing it drops the database. PostgreSQL refuses text SQLite stores (NUL, lone
 * surrogates in jsonb), so the same hostile input must be tried on both.
 */
export const startOnPostgres = async (): Promise<InProcessApp> => {
  const name = `fuzz_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  const running = await startInProcessApp(undefined, { ...NO_RATE_LIMIT, EVENT_STORE: 'postgres', DATABASE_URL: url.toString() });
  return {
    ...running,
    close: async () => {
      await running.close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
};
