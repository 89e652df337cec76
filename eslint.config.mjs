// Lint: typescript-eslint's recommended rules; type-checking itself is `tsc --noEmit`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const POOL_CHECKOUTS = [
  {
    selector: "CallExpression[callee.property.name='connect'][callee.object.name=/pool/i]",
    message: 'Check PostgreSQL clients out with checkout/withClient/inTransaction from @poc/postgres: they handle the client\'s errors while held.',
  },
  {
    selector: "CallExpression[callee.property.name='connect'][callee.object.property.name=/pool/i]",
    message: 'Check PostgreSQL clients out with checkout/withClient/inTransaction from @poc/postgres: they handle the client\'s errors while held.',
  },
  {
    selector: "NewExpression[callee.name='Pool']",
    message: 'Make pools with createPool from @poc/postgres: it listens for idle clients\' errors.',
  },
];

// The storage schema stays in libs/projections (issue 15): the apps and the test support pass
// filters to the typed queries of @poc/projections (<model>/<model>.queries.ts) and never name
// a column. tests/architecture/no-column-names-in-apps.unit.spec.ts also looks for strings
// equal to a snake_case column, which a lint rule cannot know.
const NAME_NO_COLUMN = 'Name no read-model column outside libs/projections: use its typed queries (@poc/projections, <model>.queries.ts).';
const COLUMN_NAMES = [
  { selector: "Property[key.name='column']", message: NAME_NO_COLUMN },
  { selector: "CallExpression[callee.property.name=/^(countBy|findRows)$/] > ArrayExpression > Literal", message: NAME_NO_COLUMN },
  { selector: "MemberExpression[object.property.name='collection'][property.name='columns']", message: NAME_NO_COLUMN },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'infra/**/target/**', 'infra/**/.venv/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // A pool client checked out by hand has no 'error' listener while held: a PostgreSQL
    // restart then ends the process (issue 13). libs/postgres is the one place that may.
    files: ['libs/**/*.ts'],
    ignores: ['libs/postgres/**', '**/*.spec.ts'],
    rules: { 'no-restricted-syntax': ['error', ...POOL_CHECKOUTS] },
  },
  {
    // One rule's options replace, not extend, another block's: the apps get both lists.
    files: ['apps/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-syntax': ['error', ...POOL_CHECKOUTS, ...COLUMN_NAMES] },
  },
  {
    files: ['tests/support/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-syntax': ['error', ...COLUMN_NAMES] },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
