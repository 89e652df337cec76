import type { CollectionSpec, ColumnValue } from './projection';
import type { Condition, FindQuery, ReadModelStore } from './read-model-store.port';

// The typed queries of the read models (<model>/<model>.queries.ts) turn filters named as the
// views name their fields into the store's FindQuery and grouped counts. The column names
// stay here, beside the projections that write them: the apps never name one
// (tests/architecture/no-column-names-in-apps.unit.spec.ts and the lint rule check it).

/** One page of a list, as given: no default here (the API's default page is its own). */
export type Page = Readonly<{ limit?: number; offset?: number }>;

/** A row of `countBy`: the grouped columns' values and the count. */
export type CountedRow = Readonly<Record<string, ColumnValue>> & Readonly<{ count: number }>;

/** A grouped count: what to give `countBy`, and how to read each row it returns. */
export type CountQuery<Row> = Readonly<{
  groupBy: readonly string[];
  where: readonly Condition[];
  rowOf(counted: CountedRow): Row;
}>;

/** Runs a grouped count against a store and reads its rows. */
export const countRows = async <Row>(store: Pick<ReadModelStore, 'countBy'>, collection: CollectionSpec, query: CountQuery<Row>): Promise<Row[]> =>
  (await store.countBy(collection, query.groupBy, query.where)).map((row) => query.rowOf(row));

/** Only the conditions of the filter fields given: an absent or empty value narrows nothing. */
export const given = (value: ColumnValue | undefined): value is ColumnValue => value !== undefined && value !== '';

export const equal = (column: string, value: ColumnValue | undefined): Condition[] => (given(value) ? [{ column, op: '=', value }] : []);

/** `column` within from..to, both inclusive; an absent bound does not narrow. */
export const between = (column: string, from: ColumnValue | undefined, to: ColumnValue | undefined): Condition[] => [
  ...(given(from) ? [{ column, op: '>=' as const, value: from }] : []),
  ...(given(to) ? [{ column, op: '<=' as const, value: to }] : []),
];

/** The query's ordering, limit and offset, each only when given (an absent one is no key). */
export const shaped = (where: readonly Condition[], orderBy: FindQuery['orderBy'], page: Page = {}): FindQuery => ({
  where,
  ...(orderBy && { orderBy }),
  ...(page.limit !== undefined && { limit: page.limit }),
  ...(page.offset !== undefined && { offset: page.offset }),
});

/** The document with this key (any read model: the key is its id). */
export const byKey = (key: string): FindQuery => ({ where: [{ column: 'key', op: '=', value: key }], limit: 1 });

/** The documents with these keys; an empty list finds none (callers skip the query). */
export const withKeys = (keys: readonly string[]): FindQuery => ({ where: [{ column: 'key', op: 'in', value: keys }] });

/** Every document, in key order: the same order in any store, for comparisons. */
export const inKeyOrder: FindQuery = { orderBy: [{ column: 'key' }] };

/** Documents per status, for a read model with a status column; undefined for one without. */
export const countByStatus = (collection: CollectionSpec): CountQuery<Readonly<{ status: string; count: number }>> | undefined =>
  'status' in collection.columns ? { groupBy: ['status'], where: [], rowOf: (r) => ({ status: String(r.status), count: r.count }) } : undefined;
