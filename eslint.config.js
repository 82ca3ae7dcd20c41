// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint enforces which process may import what (Signal Desktop's rule): the place of a file says where
 * it runs, and an import that crosses into another process's code is an error, not a review comment.
 */
const NODE_AND_ELECTRON = {
  group: ['electron', 'node:*', 'keytar', 'lowdb', 'lowdb/*'],
  message: 'The renderer and shared code run without Node or Electron: reach the core through the IPC contract.',
};
const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        NODE_AND_ELECTRON,
        { group: ['**/electron/**', '**/test/**'], message: 'The renderer imports only shared/ and its own code.' },
      ]),
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name='keyhaven']",
          message: 'Only renderer/src/api/client.ts touches window.keyhaven.',
        },
      ],
    },
  },
  {
    files: ['renderer/src/api/client.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      NODE_AND_ELECTRON,
      { group: ['**/electron/**', '**/renderer/**', '**/test/**'], message: 'shared/ depends on nothing but itself.' },
    ]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([
      {
        regex: '^(?!electron$)[^./]',
        message: 'A sandboxed preload may require only electron: everything else must be bundled contract code.',
        allowTypeImports: true,
      },
      {
        group: [
          '../core/**',
          '../main/**',
          '**/renderer/**',
          '**/shared/domain/**',
          '**/shared/catalogs/**',
          '**/shared/ipc/contract',
        ],
        message: 'The preload imports only the dependency-free IPC contract code in shared/ipc (types from anywhere).',
        allowTypeImports: true,
      },
    ]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict([
      {
        group: ['electron'],
        message: 'The core never imports electron: it runs under plain Node (tests, harness, CLI).',
      },
      {
        group: ['**/electron/main/**', '**/preload/**', '**/renderer/**', '**/test/**', '**/cli/**'],
        message: 'The core depends only on shared/.',
      },
    ]),
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: restrict([
      {
        group: ['electron'],
        message: 'The command line runs under plain Node, without Electron: it opens the core directly.',
      },
      {
        group: ['**/electron/main/**', '**/preload/**', '**/renderer/**', '**/test/**', '**/tooling/**'],
        message: 'The command line depends only on the core and shared/.',
      },
    ]),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict([
      { group: ['**/renderer/**', '**/test/**'], message: 'Main reaches the renderer only through IPC.' },
      {
        group: ['**/cli/**'],
        message: 'The command line is its own process: main shares the core with it, not its code.',
      },
    ]),
  },
  {
    files: ['electron/tooling/**/*.ts'],
    rules: restrict([
      {
        group: ['**/core/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/shared/**', '**/test/**'],
        message: 'Tooling (npm start, packaging) runs before the app is built: it uses Node and its own files only.',
      },
    ]),
  },
  {
    files: ['test/**/*.{ts,tsx}', 'test/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
