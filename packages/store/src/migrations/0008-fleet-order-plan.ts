import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `devices_approval` indexed a column where nearly every row says 'active'. Without statistics
 * SQLite takes an equality on an index as selective, so every fleet page (`approval = 'active'`,
 * ordered by hostname) read all devices through it and sorted them, instead of walking
 * devices_fleet_order: a 10,000-device export ran 80 such sorts. Only the few quarantined devices
 * are ever looked up by approval, so a partial index on those serves that query and no longer
 * competes with the fleet order.
 */
export const fleetOrderPlanMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('devices_approval').execute();
    await db.schema
      .createIndex('devices_pending_approval')
      .on('devices')
      .column('approval')
      .where(sql.ref('approval'), '=', 'pending-approval')
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('devices_pending_approval').execute();
    await db.schema.createIndex('devices_approval').on('devices').column('approval').execute();
  },
};
