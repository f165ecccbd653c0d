// The architecture, written down as lint rules (see docs/ARCHITECTURE.md). Relaxing a rule here
// is an architecture change, not a fix.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'worker_threads'];
const APPS = ['@deskside/hub', '@deskside/hub/*', '@deskside/agent', '@deskside/agent/*', '@deskside/console', '@deskside/console/*'];
const ELECTRON_COMMON = ['@deskside/electron-common', '@deskside/electron-common/*'];

const restrict = (message, group) => ({ group, message });

// The hub's layers (docs/ARCHITECTURE.md): http/ and realtime/ are adapters over services/, and
// services/ are the only code that touches the store. src/compose.ts builds every service once.
const HUB_TRANSPORT = ['**/http/*', '**/http/**', '**/realtime/*', '**/realtime/**'];
const STORE = ['@deskside/store', '@deskside/store/*'];
// Test support (harnesses, kits, fixtures) is excluded from builds; only tests may import it.
const TEST_FILES = ['**/*.test.ts', '**/*.test-d.ts', '**/testing/**', '**/test-support/**', '**/*-test-kit.ts', '**/*test-data.ts', '**/*-fixtures.ts'];
const TEST_SUPPORT_RULE = restrict('Test support stays out of builds: only tests import testing/, test-support/ and test kits.', ['**/testing/*', '**/test-support/*', '**/*-test-kit.js']);

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/dist-electron/**', '**/node_modules/**', '.deskside/**', 'coverage/**', 'release/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Every agent-writable string is hostile: render text, never HTML.',
        },
      ],
    },
  },
  {
    files: ['packages/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict('Packages never import apps.', [...APPS, '**/apps/**']),
            restrict('Only packages/electron-common imports electron: the other packages run in plain Node or the browser.', ['electron']),
          ],
        },
      ],
    },
  },
  {
    // The Electron shells' shared main-process code: it may import electron, and nothing of ours.
    files: ['packages/electron-common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict('Packages never import apps.', [...APPS, '**/apps/**']),
            restrict('electron-common is a leaf: it imports no other Deskside workspace.', ['@deskside/*']),
          ],
        },
      ],
    },
  },
  {
    files: ['packages/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict('protocol imports nothing internal: it is the contract.', ['@deskside/*', '**/apps/**']),
            restrict('protocol runs everywhere: no Node, DOM or Electron imports.', [...NODE_BUILTINS, 'electron']),
          ],
        },
      ],
    },
  },
  {
    files: ['apps/hub/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [restrict('Apps never import each other.', ['@deskside/agent', '@deskside/agent/*', '@deskside/console', '@deskside/console/*', '../../agent/**', '../../console/**'])] }],
    },
  },
  {
    files: ['apps/agent/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [restrict('Apps never import each other.', ['@deskside/hub', '@deskside/hub/*', '@deskside/console', '@deskside/console/*'])] }],
    },
  },
  {
    files: ['apps/console/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [restrict('Apps never import each other.', ['@deskside/hub', '@deskside/hub/*', '@deskside/agent', '@deskside/agent/*'])] }],
    },
  },
  {
    files: ['packages/console-ui/src/**/*.{ts,tsx}', 'apps/*/src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restrict('The renderer never imports electron or Node built-ins: use the preload bridge.', [...NODE_BUILTINS, 'electron']),
            restrict('electron-common is main-process code: the renderer uses the preload bridge.', ELECTRON_COMMON),
            restrict('Packages never import apps.', [...APPS, '**/apps/**']),
          ],
        },
      ],
    },
  },
  // The blocks below use typescript-eslint's copy of the rule, so they add to the blocks above
  // rather than replace their no-restricted-imports for the same files.
  {
    files: ['apps/agent/src/**/*.{ts,tsx}', 'apps/console/src/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.test-d.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [restrict('Mocks stay in tests: production code never imports the electron mock.', ['@deskside/electron-common/testing'])] },
      ],
    },
  },
  {
    files: ['packages/electron-common/src/**/*.ts'],
    ignores: ['**/*.test.ts', 'packages/electron-common/src/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [restrict('Mocks stay in tests: production code never imports the electron mock.', ['./testing', './testing/*'])] },
      ],
    },
  },
  {
    files: ['apps/hub/src/services/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [restrict('Services never import http/ or realtime/: the transport calls services, never the reverse (announce changes on DomainEvents).', HUB_TRANSPORT), TEST_SUPPORT_RULE] },
      ],
    },
  },
  {
    files: ['apps/hub/src/http/**/*.ts', 'apps/hub/src/realtime/**/*.ts'],
    ignores: ['**/*.test.ts', 'apps/hub/src/realtime/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [restrict('Routes and socket handlers never touch the store: parse, call a service (from the HubServices record), answer.', STORE), TEST_SUPPORT_RULE] },
      ],
    },
  },
  {
    // Test kits are left out of every build (tsconfig.build.json excludes them): production code never imports them.
    files: ['packages/store/src/**/*.ts', 'packages/agent-core/src/**/*.ts', 'apps/hub/src/*.ts', 'apps/hub/src/{bootstrap,log,metrics,server}/**/*.ts'],
    ignores: TEST_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [TEST_SUPPORT_RULE] }] },
  },
  {
    files: ['apps/*/src/preload/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@deskside/*', '@deskside/*/*'],
              allowTypeImports: true,
              message: 'A sandboxed preload may require only electron: types from our packages, never their code.',
            },
          ],
        },
      ],
    },
  },
);
