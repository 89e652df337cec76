// Lint: typescript-eslint's recommended rules; type-checking itself is `tsc --noEmit`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/postgres/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
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
      ],
    },
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
