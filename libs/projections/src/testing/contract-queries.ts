import { alertsProjection, type AlertView } from '../alerts/alerts.projection';
import { incidentsProjection, type IncidentView } from '../incidents/incidents.projection';
import type { ColumnValue } from '../projection';
import { T, TYPED, history, typedWrite, type ContractContext, type TypedRow } from './contract-fixtures';

/** `find` and `countBy`: filters, ordering, paging, column types and NULLs, the same on every store. */
export const queriesContract = (ctx: ContractContext): void => {
  describe('queries', () => {
    beforeEach(async () => {
      await ctx.runner.handle(history().events);
    });

    it('find filters with =, in, ranges and null tests', async () => {
      const col = alertsProjection.collection;
      const ids = (docs: AlertView[]) => docs.map((d) => d.alertId);
      expect(ids(await ctx.store.find<AlertView>(col, { where: [{ column: 'status', op: '=', value: 'triaged' }] }))).toEqual(['a1']);
      expect(
        ids(await ctx.store.find<AlertView>(col, { where: [{ column: 'status', op: 'in', value: ['triaged', 'closed'] }], orderBy: [{ column: 'key' }] })),
      ).toEqual(['a1', 'a2']);
      expect(await ctx.store.find(col, { where: [{ column: 'status', op: 'in', value: [] }] })).toEqual([]);
      expect(ids(await ctx.store.find<AlertView>(col, { where: [{ column: 'received_at', op: '>=', value: T('02') }] }))).toEqual(['a2']);
      expect(ids(await ctx.store.find<AlertView>(col, { where: [{ column: 'received_at', op: '<', value: T('02') }] }))).toEqual(['a1']);
      expect(ids(await ctx.store.find<AlertView>(col, { where: [{ column: 'priority', op: 'is-null' }] }))).toEqual(['a2']);
      expect(ids(await ctx.store.find<AlertView>(col, { where: [{ column: 'priority', op: 'not-null' }] }))).toEqual(['a1']);
      expect(
        ids(
          await ctx.store.find<AlertView>(col, {
            where: [
              { column: 'responded', op: '=', value: 1 },
              { column: 'cercle', op: '=', value: 'Koro' },
            ],
          }),
        ),
      ).toEqual(['a2']);
    });

    it('find orders, limits and pages', async () => {
      const col = incidentsProjection.collection;
      const ids = (docs: IncidentView[]) => docs.map((d) => d.incidentId);
      expect(ids(await ctx.store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at', desc: true }] }))).toEqual(['i3', 'i2', 'i1']);
      expect(ids(await ctx.store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at' }], limit: 2 }))).toEqual(['i1', 'i2']);
      expect(ids(await ctx.store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at' }], limit: 2, offset: 2 }))).toEqual(['i3']);
      expect(await ctx.store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at' }], limit: 0 })).toEqual([]);
    });

    it('find with an offset and no limit skips that many', async () => {
      const col = incidentsProjection.collection;
      const found = await ctx.store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at' }], offset: 1 });
      expect(found.map((d) => d.incidentId)).toEqual(['i2', 'i3']);
    });

    it('find refuses a column the collection does not have', async () => {
      await expect(ctx.store.find(alertsProjection.collection, { where: [{ column: 'caller', op: 'not-null' }] })).rejects.toThrow(/unknown column/);
      await expect(ctx.store.find(alertsProjection.collection, { orderBy: [{ column: 'status; DROP TABLE rm_alerts' }] })).rejects.toThrow();
      await expect(ctx.store.countBy(alertsProjection.collection, ['status; DROP TABLE rm_alerts'])).rejects.toThrow();
      // Only the collection's own columns: not the stored document nor its revision.
      await expect(ctx.store.countBy(alertsProjection.collection, ['doc'])).rejects.toThrow(/unknown column/);
      await expect(ctx.store.find(alertsProjection.collection, { orderBy: [{ column: 'rev' }] })).rejects.toThrow(/unknown column/);
      expect(await ctx.store.find(alertsProjection.collection)).toHaveLength(2);
    });

    it('countBy groups and filters', async () => {
      const col = incidentsProjection.collection;
      expect(await ctx.store.countBy(col, ['status'])).toEqual([
        { status: 'active', count: 2 },
        { status: 'retracted', count: 1 },
      ]);
      expect(await ctx.store.countBy(col, ['cercle', 'status'])).toEqual([
        { cercle: 'Bankass', status: 'active', count: 1 },
        { cercle: 'Bankass', status: 'retracted', count: 1 },
        { cercle: 'Koro', status: 'active', count: 1 },
      ]);
      expect(await ctx.store.countBy(col, ['cercle'], [{ column: 'status', op: '=', value: 'active' }])).toEqual([
        { cercle: 'Bankass', count: 1 },
        { cercle: 'Koro', count: 1 },
      ]);
      expect(await ctx.store.countBy(col, [])).toEqual([{ count: 3 }]);
      expect(await ctx.store.countBy(col, [], [{ column: 'occurred_day', op: '>', value: '2020-03-06' }])).toEqual([{ count: 2 }]);
      expect(await ctx.store.countBy(col, ['status'], [{ column: 'status', op: '=', value: 'none' }])).toEqual([]);
    });

    it('countBy gives integer columns back as numbers', async () => {
      expect(await ctx.store.countBy(alertsProjection.collection, ['responded'])).toEqual([{ responded: 1, count: 2 }]);
      expect(await ctx.store.countBy(incidentsProjection.collection, ['time_precision', 'status'])).toEqual([
        { time_precision: 1, status: 'active', count: 2 },
        { time_precision: 1, status: 'retracted', count: 1 },
      ]);
    });
  });

  describe('column types, nulls and ordering', () => {
    const rows: TypedRow[] = [
      { key: 'k1', t: 'b', i: 10, r: 2.5 },
      { key: 'k2', t: 'a', i: 2, r: -1 },
      { key: 'k3', t: null, i: null, r: null },
      { key: 'k4', t: 'B', i: 2 ** 40, r: 1e-3 },
      { key: 'k5', t: 'a', i: 2, r: 0.25 },
    ];
    const keys = (docs: TypedRow[]) => docs.map((d) => d.key);

    beforeEach(async () => {
      await ctx.store.ensureCollections([TYPED]);
      await ctx.store.commit({ writes: rows.map(typedWrite), checkpoints: [], streamVersions: [] });
    });

    it('integer and real columns compare as numbers, not as text', async () => {
      expect(keys(await ctx.store.find<TypedRow>(TYPED, { where: [{ column: 'i', op: '>', value: 2 }], orderBy: [{ column: 'i' }] }))).toEqual(['k1', 'k4']);
      expect(keys(await ctx.store.find<TypedRow>(TYPED, { where: [{ column: 'i', op: 'in', value: [10, 2 ** 40] }], orderBy: [{ column: 'key' }] }))).toEqual([
        'k1',
        'k4',
      ]);
      expect(keys(await ctx.store.find<TypedRow>(TYPED, { where: [{ column: 'r', op: '<=', value: 0.25 }], orderBy: [{ column: 'r' }] }))).toEqual(['k2', 'k4', 'k5']);
    });

    it('text sorts by code point: upper case before lower case', async () => {
      expect(keys(await ctx.store.find<TypedRow>(TYPED, { where: [{ column: 't', op: 'not-null' }], orderBy: [{ column: 't' }, { column: 'key' }] }))).toEqual([
        'k4',
        'k2',
        'k5',
        'k1',
      ]);
    });

    it('NULL sorts before every value ascending and after every value descending', async () => {
      expect(keys(await ctx.store.find<TypedRow>(TYPED, { orderBy: [{ column: 'i' }, { column: 'key' }] }))).toEqual(['k3', 'k2', 'k5', 'k1', 'k4']);
      expect(keys(await ctx.store.find<TypedRow>(TYPED, { orderBy: [{ column: 'i', desc: true }, { column: 'key' }] }))).toEqual(['k4', 'k1', 'k2', 'k5', 'k3']);
      expect(keys(await ctx.store.find<TypedRow>(TYPED, { orderBy: [{ column: 'r', desc: true }], limit: 1 }))).toEqual(['k1']);
      expect(keys(await ctx.store.find<TypedRow>(TYPED, { orderBy: [{ column: 't', desc: true }, { column: 'key', desc: true }], limit: 2, offset: 3 }))).toEqual([
        'k4',
        'k3',
      ]);
    });

    it('findRows gives the named columns in their types, in that order, NULL as null', async () => {
      const where = [{ column: 'key', op: 'in' as const, value: ['k1', 'k3', 'k4'] }];
      expect(await ctx.store.findRows(TYPED, ['key', 'r', 'i', 't'], { where, orderBy: [{ column: 'key' }] })).toEqual([
        ['k1', 2.5, 10, 'b'],
        ['k3', null, null, null],
        ['k4', 1e-3, 2 ** 40, 'B'],
      ]);
      expect(await ctx.store.findRows(TYPED, ['i'], { where: [{ column: 'i', op: '=', value: 2 }] })).toEqual([[2], [2]]);
      await expect(ctx.store.findRows(TYPED, ['doc'])).rejects.toThrow(/unknown column/);
    });

    it('countBy returns each column in its type, NULL as null and first', async () => {
      expect(await ctx.store.countBy(TYPED, ['i'])).toEqual([
        { i: null, count: 1 },
        { i: 2, count: 2 },
        { i: 10, count: 1 },
        { i: 2 ** 40, count: 1 },
      ]);
      expect(await ctx.store.countBy(TYPED, ['t', 'r'], [{ column: 'i', op: '<', value: 100 }])).toEqual([
        { t: 'a', r: -1, count: 1 },
        { t: 'a', r: 0.25, count: 1 },
        { t: 'b', r: 2.5, count: 1 },
      ]);
      for (const row of await ctx.store.countBy(TYPED, ['i', 'r'])) {
        for (const value of Object.values(row)) expect(['number', 'object']).toContain(typeof (value as ColumnValue));
      }
    });
  });
};
