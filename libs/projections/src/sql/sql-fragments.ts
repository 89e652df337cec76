import type { CollectionSpec, ColumnValue } from '../projection';
import type { Condition } from '../read-model-store.port';

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Identifiers come from code, never from clients; refuse anything else all the same. */
export const quoteIdent = (name: string): string => {
  if (!IDENT.test(name)) throw new Error(`bad identifier ${name}`);
  return `"${name}"`;
};

export const tableOf = (spec: CollectionSpec): string => quoteIdent(`rm_${spec.name}`);

/** Code-point order, the same in every process whatever its locale. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const checkColumn = (spec: CollectionSpec, column: string): string => {
  if (column !== 'key' && !(column in spec.columns)) throw new Error(`unknown column ${spec.name}.${column}`);
  return quoteIdent(column);
};

/** `findRows`'s columns, checked like those of a filter. */
export const selectColumns = (spec: CollectionSpec, columns: readonly string[]): string => {
  if (columns.length === 0) throw new Error('findRows needs at least one column');
  return columns.map((c) => checkColumn(spec, c)).join(', ');
};

/** `placeholder(i)` lets PostgreSQL number its parameters ($1…) while SQLite uses `?`. */
export const whereClause = (
  spec: CollectionSpec,
  conditions: readonly Condition[],
  placeholder: (index: number) => string = () => '?',
  firstIndex = 1,
): { sql: string; params: ColumnValue[] } => {
  const params: ColumnValue[] = [];
  const next = (value: ColumnValue): string => {
    params.push(value);
    return placeholder(firstIndex + params.length - 1);
  };
  const parts = conditions.map((c) => {
    const col = checkColumn(spec, c.column);
    switch (c.op) {
      case 'is-null':
        return `${col} IS NULL`;
      case 'not-null':
        return `${col} IS NOT NULL`;
      case 'in': {
        const values = (c.value ?? []) as readonly ColumnValue[];
        return values.length === 0 ? '1 = 0' : `${col} IN (${values.map(next).join(', ')})`;
      }
      default:
        return `${col} ${c.op} ${next(c.value as ColumnValue)}`;
    }
  });
  return { sql: parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '', params };
};

/**
 * NULL sorts as the smallest value, in both databases: first ascending, last descending.
 * (SQLite's default; PostgreSQL's is the opposite, so it is spelled out.)
 */
export const orderClause = (spec: CollectionSpec, orderBy: readonly { column: string; desc?: boolean }[]): string =>
  orderBy.length === 0
    ? ''
    : ` ORDER BY ${orderBy.map((o) => `${checkColumn(spec, o.column)}${o.desc ? ' DESC NULLS LAST' : ' NULLS FIRST'}`).join(', ')}`;

/** `countBy`'s grouping: the columns (checked like those of a filter), and the same ordering as `find`. */
export const groupClause = (spec: CollectionSpec, groupBy: readonly string[]): { select: string; group: string } => {
  const cols = groupBy.map((c) => checkColumn(spec, c));
  return {
    select: cols.map((c) => `${c}, `).join(''),
    group: cols.length === 0 ? '' : ` GROUP BY ${cols.join(', ')}${orderClause(spec, groupBy.map((column) => ({ column })))}`,
  };
};
