import type { PoolClient } from 'pg';
import type { ColumnValue } from '../projection';

/**
 * `COPY … FROM STDIN` with node-postgres alone: the fastest way to insert many rows (the
 * server parses plain text, no JSON or array literal to take apart), a third of the
 * server's time per row of a multi-row INSERT. node-postgres has no COPY API of its own but
 * takes any object with `submit` as a query, and calls it back for each protocol message:
 * the interface pg-cursor and pg-copy-streams are built on.
 */
export const copyFrom = (client: PoolClient, sql: string, rows: Iterable<string>): Promise<void> =>
  new Promise((resolve, reject) => {
    let failed: unknown;
    const submittable = {
      submit: (connection: CopyConnection) => connection.query(sql),
      handleCopyInResponse: (connection: CopyConnection) => {
        // Rows are made as they are sent, about a megabyte per message: the server parses one
        // chunk while the next is serialised, and a row's failure (a value JSON cannot hold)
        // aborts the COPY, so the whole statement fails with it.
        try {
          let chunk = '';
          for (const row of rows) {
            chunk += row;
            if (chunk.length >= CHUNK) {
              connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
              chunk = '';
            }
          }
          if (chunk.length > 0) connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
          connection.endCopyFrom();
        } catch (error) {
          failed = error;
          connection.sendCopyFail(error instanceof Error ? error.message : String(error));
        }
      },
      handleError: (error: Error) => {
        reject(failed ?? error);
        failed ??= error;
      },
      handleReadyForQuery: () => {
        if (failed === undefined) resolve();
      },
      handleCommandComplete: () => undefined,
      handleRowDescription: () => undefined,
      handleDataRow: () => undefined,
      handleCopyData: () => undefined,
      handleEmptyQuery: () => undefined,
    };
    (client as unknown as { query: (q: typeof submittable) => void }).query(submittable);
  });

type CopyConnection = {
  query: (text: string) => void;
  sendCopyFromChunk: (chunk: Buffer) => void;
  endCopyFrom: () => void;
  sendCopyFail: (message: string) => void;
};

const CHUNK = 1 << 20;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const SPECIAL = /[\\\n\r\t]/g;

/** A value in COPY's text format: NULL as \N, the few special characters escaped. */
export const copyValue = (value: ColumnValue | undefined): string => {
  if (value === null || value === undefined) return '\\N';
  // A number JSON cannot hold becomes NULL, as SQLite and the other write paths store it.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '\\N';
  return value.replace(SPECIAL, (c) => ESCAPES[c]!);
};

/** The key from a unique violation's detail: `Key (key)=(a1) already exists.` */
export const duplicateKey = (error: unknown): string | undefined => {
  const { code, detail } = (error ?? {}) as { code?: string; detail?: string };
  if (code !== '23505') return undefined;
  return /^Key \([^)]*\)=\((.*)\) already exists\.$/s.exec(detail ?? '')?.[1] ?? '';
};
