import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { postgresUnavailable } from './packages/store/src/test-support/postgres.js';

// Tests run against the TypeScript sources of the workspaces (the `source` export condition),
// so a unit test never needs a build. Cross-process tests in test/ start the built programs.
const conditions = ['source', ...defaultServerConditions];

// The store's suites run a second time on PostgreSQL (a throwaway cluster per run unless
// DESKSIDE_TEST_PG_URL is given); not where PostgreSQL is missing, and the run says so.
const noPostgres = postgresUnavailable();
if (noPostgres) console.warn(noPostgres);
const SQLITE_ONLY = [
  'packages/store/src/sqlite/**',
  'packages/store/src/open-store.test.ts',
  'packages/store/src/transaction-guard.test.ts',
  // EXPLAIN QUERY PLAN assertions: SQLite's planner.
  'packages/store/src/migrations/0007-report-indexes.test.ts',
  'packages/store/src/migrations/0008-fleet-order-plan.test.ts',
  // Reaches under the store with a second better-sqlite3 connection (triggers, corrupt rows).
  'packages/store/src/maintenance/health-rollup.test.ts',
];
// The hub's main paths (agent writes, crash durability, tickets, alerts, presence, history,
// access control, secrets) run again against a hub on PostgreSQL.
const POSTGRES_INTEGRATION = [
  'agent-protocol',
  'hub-crash-durability',
  'ticket-offline',
  'disk-alert',
  'fleet-presence',
  'inventory-history',
  'access-control',
  'no-secrets-in-logs',
  // Three hubs on one PostgreSQL (npm run cluster): cross-hub delivery, SIGKILL, job takeover.
  'cluster',
  // The same at fleet scale: 1,500 agents in child processes, a hub killed and PostgreSQL restarted mid-burst.
  'cluster-scale',
  // PostgreSQL stopped under a running hub: 503 with the reason, nothing acknowledged, then resumed.
  'postgres-outage',
];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    globalSetup: ['packages/store/src/test-support/postgres-global-setup.ts'],
    // CI turns the JSON report into the closing "N passed, N failed" line (.ci/run).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.{ts,tsx}', 'apps/*/src/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Many units run a real in-process hub, SQLite file or socket.io pair: 5 s is too short on
          // a loaded 2-core machine. A hang still fails, it just takes 30 s to say so.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      ...(noPostgres
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'unit-postgres',
                include: ['packages/store/src/**/*.test.ts'],
                exclude: SQLITE_ONLY,
                environment: 'node',
                env: { DESKSIDE_TEST_STORE_ENGINE: 'postgres' },
                // A database per test file or test (CREATE DATABASE … TEMPLATE) on a shared machine.
                testTimeout: 30_000,
                hookTimeout: 30_000,
              },
            },
          ]),
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Needs PostgreSQL whatever the engine: runs in integration-postgres.
          exclude: ['test/integration/cluster.test.ts', 'test/integration/cluster-scale.test.ts', 'test/integration/postgres-outage.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      ...(noPostgres
        ? []
        : [
            {
              extends: true as const,
              test: {
                name: 'integration-postgres',
                // The hub's main paths, again on PostgreSQL (a fresh database per hub).
                include: POSTGRES_INTEGRATION.map((name) => `test/integration/${name}.test.ts`),
                env: { DESKSIDE_TEST_HUB_ENGINE: 'postgres' },
                testTimeout: 120_000,
                hookTimeout: 120_000,
                fileParallelism: false,
              },
            },
          ]),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
