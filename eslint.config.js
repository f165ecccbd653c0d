// The architecture, written down as lint rules (see docs/ARCHITECTURE.md). Relaxing a rule here
// is an architecture change, not a fix.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'worker_threads'];
const APPS = ['@deskside/hub', '@deskside/hub/*', '@deskside/agent', '@deskside/agent/*', '@deskside/console', '@deskside/console/*'];

const restrict = (message, group) => ({ group, message });

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
        { patterns: [restrict('Packages never import apps.', [...APPS, '**/apps/**'])] },
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
            restrict('Packages never import apps.', [...APPS, '**/apps/**']),
          ],
        },
      ],
    },
  },
);
