// Lint: the layer rules of shared/docs/architecture.md as real rules, and the house style (no `any`, no asserted
// object literals, no line over 140). `npm test` runs it; `npx eslint .` locally.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [...new Set(builtinModules.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]))];
const UI = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'antd',
  'antd/*',
  '@ant-design/*',
  'recharts',
  'dayjs',
  'dayjs/*',
];
const STORE = ['better-sqlite3-multiple-ciphers', 'kysely', 'kysely/*'];

/** `no-restricted-imports` for a layer: the packages it must not reach, with the rule's reason as the message. */
const forbid = (groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

// Each folder is one element of the architecture (matched from the project root); within db/, infrastructure and
// features are told apart.
const ELEMENTS = [
  { type: 'db-app', pattern: 'db/app' },
  { type: 'db-infra', pattern: 'db/{store,audit,migrations,fs,excel}' },
  { type: 'db-feature', pattern: 'db/*', capture: ['feature'] },
  { type: 'db-root', pattern: 'db' },
  ...['shared', 'electron', 'renderer', 'bench', 'scripts', 'test'].map((type) => ({ type, pattern: type })),
].map((e) => ({ ...e, partialMatch: false }));

const DB_ALL = ['db-root', 'db-app', 'db-infra', 'db-feature'];
const may = (from, to) => ({ from: { element: { types: from } }, allow: { to: { element: { types: to } } } });
/** `from` may import these files of element `type` (given by their path inside it). */
const mayFiles = (from, type, files) => ({
  from: { element: { types: from } },
  allow: { to: { element: { type, fileInternalPath: files } } },
});

const LAYER_POLICIES = [
  may('shared', ['shared']),
  may(['db-infra', 'db-feature'], ['shared', 'db-infra']),
  // What one call gets (the open store, the recorder) and long-running jobs: the seam every service is written against.
  mayFiles(['db-infra', 'db-feature'], 'db-app', ['context.ts', 'jobs.ts']),
  // The throttle on guessed secrets: the app's logins and the 评议终端's codes slow guessing the same way.
  mayFiles('db-feature', 'db-app', 'throttle.ts'),
  mayFiles(['db-infra', 'db-feature'], 'db-root', ['schema.ts', 'version.ts']),
  // A feature's own files, and another feature only through that feature's entry file (db/<feature>/index.ts).
  {
    from: { element: { type: 'db-feature' } },
    allow: { to: { element: { type: 'db-feature', captured: { feature: '{{ from.captured.feature }}' } } } },
  },
  mayFiles('db-feature', 'db-feature', 'index.ts'),
  // The composition: db/app wires every service; db/index.ts is the store's entry and seeds a new store.
  may(['db-app', 'db-root'], ['shared', ...DB_ALL]),
  may('electron', ['shared', ...DB_ALL, 'electron']),
  may('renderer', ['shared', 'renderer']),
  may('bench', ['shared', ...DB_ALL, 'electron', 'bench', 'test']),
  may('scripts', ['scripts']),
  may('test', ['shared', ...DB_ALL, 'electron', 'renderer', 'bench', 'scripts', 'test']),
];

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'build/**', 'test/fixtures/**/*.js'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/include': ['{shared,db,electron,renderer,bench,scripts,test}/**/*'],
      // Re-exports and dynamic imports cross layers as surely as imports do.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.mts', '.mjs', '.js'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: LAYER_POLICIES }],
      // An import the layer rule cannot place (a typo'd path, a folder outside the layers) fails too.
      'boundaries/no-unknown-dependencies': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // As VS Code's code-no-dangerous-type-assertions: `{…} as T` silently skips the excess-property check.
      '@typescript-eslint/consistent-type-assertions': [
        'error',
        { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-len': ['error', { code: 140, tabWidth: 2 }],
      // The XML and Excel readers and writers must name the control characters XML 1.0 forbids.
      'no-control-regex': 'off',
      // The ideographic space (U+3000) is part of Chinese layout in labels and printed text, never an accident there.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true, skipComments: true },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: forbid([
      [NODE_BUILTINS, 'shared/ runs anywhere: no Node built-ins'],
      [['electron', ...UI, ...STORE], 'shared/ imports no Electron, UI or store library'],
    ]),
  },
  { files: ['db/**'], rules: forbid([[['electron', ...UI], 'db/ is plain Node: no Electron or UI']]) },
  { files: ['electron/**'], rules: forbid([[UI, 'electron/ holds no UI code']]) },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...forbid([
        [NODE_BUILTINS, 'renderer/ is a sandboxed page: no Node built-ins'],
        [['electron', ...STORE], 'renderer/ reaches the store only through the IPC contract'],
      ]),
    },
  },
  {
    files: ['test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.browser } },
    // Tests send deliberately ill-typed input straight into a call: `h.err('x', { … } as never)`.
    rules: {
      '@typescript-eslint/consistent-type-assertions': [
        'error',
        { assertionStyle: 'as', objectLiteralTypeAssertions: 'allow-as-parameter' },
      ],
    },
  },
);
