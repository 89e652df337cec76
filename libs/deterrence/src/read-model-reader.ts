import type { ColumnValue, FindQuery, Projection, ReadModelStore } from '@poc/projections';

/**
 * What DeterrenceInputs reads through: the read-model store's queries, by projection. The
 * query API's ReadModels is one; `readerOf` makes one of a ReadModelStore.
 */
export interface ReadModelReader {
  find<Doc>(projection: Projection<Doc>, query: FindQuery): Promise<Doc[]>;
  findRows(projection: Projection, columns: readonly string[], query: FindQuery): Promise<ColumnValue[][]>;
}

export const readerOf = (store: Pick<ReadModelStore, 'find' | 'findRows'>): ReadModelReader => ({
  find: (projection, query) => store.find(projection.collection, query),
  findRows: (projection, columns, query) => store.findRows(projection.collection, columns, query),
});
