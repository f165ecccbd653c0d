import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { initialMigration } from './0001-initial.js';
import { inventoryHistoryMigration } from './0002-inventory-history.js';
import { ticketsMigration } from './0003-tickets.js';
import { assetsAndGroupsMigration } from './0004-assets-and-groups.js';
import { accessAndAuditMigration } from './0005-access-and-audit.js';
import { alertsMigration } from './0006-alerts.js';
import { reportIndexesMigration } from './0007-report-indexes.js';
import { fleetOrderPlanMigration } from './0008-fleet-order-plan.js';
import { healthRollupsMigration } from './0009-health-rollups.js';
import { writeLocksMigration } from './0010-write-locks.js';
import { attemptCountersMigration } from './0011-attempt-counters.js';
import { integrationsMigration } from './0014-integrations.js';
import { knowledgeBaseMigration } from './0015-knowledge-base.js';
import { clusterMigration } from './0017-cluster.js';
import { fixRunsMigration } from './0025-fix-runs.js';
import { channelsMigration } from './0023-channels.js';
import { agentReleasesMigration } from './0024-agent-releases.js';
import { siteAppearanceMigration } from './0021-site-appearance.js';
import { ticketSearchMigration } from './0020-ticket-search.js';

/**
 * Every migration, in order, named by its file. A static map rather than a folder scan, so the
 * store works the same from src, from dist and from a bundle.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initialMigration,
  '0002-inventory-history': inventoryHistoryMigration,
  '0003-tickets': ticketsMigration,
  '0004-assets-and-groups': assetsAndGroupsMigration,
  '0005-access-and-audit': accessAndAuditMigration,
  '0006-alerts': alertsMigration,
  '0007-report-indexes': reportIndexesMigration,
  '0008-fleet-order-plan': fleetOrderPlanMigration,
  '0009-health-rollups': healthRollupsMigration,
  '0010-write-locks': writeLocksMigration,
  '0011-attempt-counters': attemptCountersMigration,
  '0014-integrations': integrationsMigration,
  '0015-knowledge-base': knowledgeBaseMigration,
  '0017-cluster': clusterMigration,
  '0020-ticket-search': ticketSearchMigration,
  '0021-site-appearance': siteAppearanceMigration,
  '0023-channels': channelsMigration,
  '0024-agent-releases': agentReleasesMigration,
  '0025-fix-runs': fixRunsMigration,
};

export const MIGRATION_TABLE = 'deskside_migration';
export const MIGRATION_LOCK_TABLE = 'deskside_migration_lock';

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};

/**
 * Brings the database up to this build's latest migration. A no-op on an up-to-date database;
 * refuses a database that a newer build has migrated further, rather than running against a
 * schema this code does not know.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  await refuseUnknownMigrations(db);
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    // Migration numbers are handed out per feature, so one numbered lower may land after a higher
    // one: a database that already ran 0014 must still get 0011 (each migration is independent).
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${describe(error)}`, { cause: error });
  }
}

async function refuseUnknownMigrations<DB>(db: Kysely<DB>): Promise<void> {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return;
  const applied = await readAppliedNames(db);
  const unknown = applied.filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    throw new Error(
      `This database was written by a newer version of Deskside (unknown migration ${unknown.join(', ')}). ` +
        'Upgrade Deskside, or point it at another data directory.',
    );
  }
}

async function readAppliedNames<DB>(db: Kysely<DB>): Promise<string[]> {
  // The migration table is Kysely's, not in schema.ts: describe just the column read here.
  const rows = await (db as unknown as Kysely<Record<typeof MIGRATION_TABLE, { name: string }>>)
    .selectFrom(MIGRATION_TABLE)
    .select('name')
    .execute();
  return rows.map((r) => r.name);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
