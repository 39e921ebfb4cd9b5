// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = {
  paths: [
    { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
  ],
};

export default tseslint.config(
  {
    ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'scratch', 'test-results', 'out'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/ is pure TypeScript used by both sides: no Node, no Electron, no DOM.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            { group: ['node:*'], message: 'shared/ must stay free of Node built-ins.' },
            {
              group: ['fs', 'path', 'os', 'crypto', 'child_process', 'react', 'react-dom', 'sharp'],
              message: 'shared/ must stay pure.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer'],
    },
  },
  {
    // The pipeline and the CLI run without Electron (CLI, tests, worker).
    files: ['electron/pipeline/**/*.ts', 'electron/cli/**/*.ts', 'electron/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    // Tests assert on values they just built; `!` there is documentation, not a risk.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['test/e2e/bridge-client.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noElectron],
    },
  },
);
