// Lint: JavaScript's and typescript-eslint's recommended rules (no type information, so it stays
// fast), plus `earshot/layers` (lint/layers.js), the import boundaries between packages and
// services. `npm run lint`; `npm test` runs it after the type check.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import earshot from './lint/layers.js';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'services/api/dashboard/**', 'test/bench/results/**', 'data/**', 'dist/**', 'dist.tmp-*/**', 'dist.old-*/**', '.vitest/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    plugins: { earshot },
    rules: {
      'earshot/layers': 'error',
      // `_name` marks a binding kept on purpose (a destructured field left out, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A `let` assigned once inside a callback that runs later is not a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Hebrew points (U+0591–U+05C7) are combining marks, listed in the class on purpose.
    files: ['packages/nlp/src/text/fold.ts'],
    rules: { 'no-misleading-character-class': 'off' },
  },
);
