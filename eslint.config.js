// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

const noElectron = {
  paths: [
    { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
  ],
};

/** The layers, each allowed to import only those below it (README, "Layout"). */
const LAYERS = [
  { type: 'shared', pattern: 'shared' },
  // The pipeline is part of the core layer, with one door (its index.ts) for everyone else.
  { type: 'pipeline', pattern: 'electron/core/pipeline' },
  { type: 'core', pattern: 'electron/core' },
  { type: 'cli', pattern: 'electron/cli' },
  { type: 'main', pattern: 'electron/main' },
  { type: 'renderer', pattern: 'renderer' },
];
const FORBIDDEN = {
  shared: ['pipeline', 'core', 'cli', 'main', 'renderer'],
  pipeline: ['core', 'cli', 'main', 'renderer'],
  core: ['cli', 'main', 'renderer'],
  cli: ['main', 'renderer'],
  main: ['cli', 'renderer'],
  renderer: ['pipeline', 'core', 'cli', 'main'],
};
// From outside, only the pipeline's door; inside it, its files import each other freely.
const PIPELINE_DOOR = {
  disallow: {
    to: {
      element: { type: 'pipeline' },
      file: { path: ['**/electron/core/pipeline/*/**', '**/electron/core/pipeline/!(index).ts'] },
    },
  },
  message: 'Import the pipeline through electron/core/pipeline/index.ts, its one door',
};
const layerRules = {
  plugins: { boundaries },
  settings: {
    'boundaries/elements': LAYERS,
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        // The last policy that matches names the error: a wrong layer is said before the door.
        policies: [
          PIPELINE_DOOR,
          ...Object.entries(FORBIDDEN).map(([from, to]) => ({
            from: { element: { type: from } },
            disallow: { to: { element: { types: { anyOf: to } } } },
            message: `${from} may not import ${to.join(', ')} (layers point one way: README, Layout)`,
          })),
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-electron',
      'dist-cli',
      'release',
      'scratch',
      '.scratch',
      'test-results',
      'out',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  { files: ['shared/**', 'electron/**', 'renderer/**'], ...layerRules },
  {
    // The preload is the main process's half in the page: it may use shared/ and electron only.
    // (A single file is not a folder element of the layer plugin, so a plain rule guards it.)
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\./(core|cli|main)/|^\\.\\./renderer/',
              message: 'The preload may import only shared/ and electron (README, Layout).',
            },
          ],
        },
      ],
    },
  },
  {
    // The app's entry only chooses between the window and the command; it starts either half.
    files: ['electron/launch.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            {
              regex: '^\\./core/|^\\.\\./',
              message:
                'The entry starts electron/main or electron/cli, nothing else (README, Layout).',
            },
          ],
        },
      ],
    },
  },
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
    // The core and the CLI run without Electron (command line, tests, worker threads).
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
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
      // Tests find controls by role and name, as a person (or a screen reader) does.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name=/^data-(testid|primary)$/]',
          message: 'No test hooks in production code: give the control a role and a name.',
        },
      ],
    },
  },
);
