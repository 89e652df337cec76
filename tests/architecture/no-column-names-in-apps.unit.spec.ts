import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ALL_PROJECTIONS } from '@poc/projections';

/**
 * The apps never name a read model's column: they pass filters to the typed queries of
 * @poc/projections (<model>/<model>.queries.ts), which alone know the storage schema. So no
 * `column:` property outside libs/projections, and no string equal to a snake_case column
 * name (the ones no view field shares: `received_at`, not `status`). The lint rule in
 * eslint.config.mjs says the same as code is written; this test holds whatever the linter sees.
 */
const ROOT = join(__dirname, '..', '..');
const SCANNED = ['apps', 'tests/support'];

/** Strings that are a column's name by coincidence: field names of a format defined elsewhere. */
const COINCIDENCES: Readonly<Record<string, readonly string[]>> = {
  // ACLED's own CSV fields, which the export writes.
  'apps/analyst-cli/src/export/acled-format.ts': ['time_precision', 'geo_precision'],
};

const snakeColumns = new Set(ALL_PROJECTIONS.flatMap((p) => Object.keys(p.collection.columns)).filter((c) => c.includes('_')));

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) ? [path] : [];
  });

const isStringArray = (node: ts.Node): boolean => ts.isArrayLiteralExpression(node) && node.elements.some((e) => ts.isStringLiteral(e));

/**
 * Each place in the text that names a column, as `file:line text`: a `column:` property, a
 * string equal to a snake_case column, string lists given to countBy/findRows (their grouped or
 * read columns), and a look at a collection's columns.
 */
const columnNamesInText = (path: string, text: string): string[] => {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const allowed = COINCIDENCES[path] ?? [];
  const found: string[] = [];
  const report = (node: ts.Node) => found.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.getText().slice(0, 80)}`);
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && node.name.getText() === 'column') report(node);
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && snakeColumns.has(node.text) && !allowed.includes(node.text)) report(node);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['countBy', 'findRows'].includes(node.expression.name.text) && node.arguments.some(isStringArray)) report(node);
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'columns' && /\bcollection$/.test(node.expression.getText())) report(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

const columnNamesIn = (path: string): string[] => columnNamesInText(path, readFileSync(join(ROOT, path), 'utf8'));

describe('the storage schema stays in libs/projections', () => {
  it('knows the snake_case columns it looks for', () => {
    expect([...snakeColumns]).toEqual(expect.arrayContaining(['received_at', 'occurred_day', 'h3_5', 'episode_id']));
  });

  it('scans the apps and the test support', () => {
    const files = SCANNED.flatMap(sourceFiles);
    expect(files).toContain('apps/query-api/src/alerts/alert-queries.controller.ts');
    expect(files).toContain('tests/support/rebuild-and-compare.ts');
    expect(files.some((f) => f.endsWith('.spec.ts'))).toBe(false);
  });

  it('no app nor test support names a column: they call the typed queries of @poc/projections', () => {
    expect(SCANNED.flatMap(sourceFiles).flatMap(columnNamesIn)).toEqual([]);
  });

  it('would see a column named in a query, a grouping or a schema lookup, and leaves the coincidences alone', () => {
    const probe = [
      "find(p, { where: [{ column: 'status', op: '=', value: 'open' }] });",
      "store.countBy(p.collection, ['status']);",
      "const ordered = 'received_at';",
      "if ('status' in p.collection.columns) {}",
    ].join('\n');
    expect(columnNamesInText('probe.ts', probe).map((f) => f.split(' ')[0])).toEqual(['probe.ts:1', 'probe.ts:2', 'probe.ts:3', 'probe.ts:4']);
    expect(columnNamesIn('apps/analyst-cli/src/export/acled-format.ts')).toEqual([]);
  });
});
