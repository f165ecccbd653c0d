import type { Kysely } from 'kysely';
import { InventoryDocumentSchema } from '@deskside/protocol';
import { fromJson } from '../mapping/json.js';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { InventoryRepository } from '../types.js';
import { atomically } from './atomically.js';

export function createInventoryRepository(db: Kysely<Database>): InventoryRepository {
  return {
    async get(deviceId) {
      const row = await db.selectFrom('inventories').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        deviceId: row.device_id,
        hash: row.hash,
        // Validated on the way out too: a document that no longer fits the schema fails here,
        // loudly, rather than somewhere in a service that trusted the type.
        document: InventoryDocumentSchema.parse(fromJson(row.document)),
        updatedAt: fromMs(row.updated_at),
      };
    },
    async put(inventory) {
      const row = {
        device_id: inventory.deviceId,
        hash: inventory.hash,
        document: JSON.stringify(inventory.document),
        updated_at: toMs(inventory.updatedAt),
      };
      await atomically(db, async (trx) => {
        await trx
          .insertInto('inventories')
          .values(row)
          .onConflict((oc) =>
            oc.column('device_id').doUpdateSet({ hash: row.hash, document: row.document, updated_at: row.updated_at }),
          )
          .execute();
        await trx
          .updateTable('devices')
          .set({ inventory_hash: row.hash, inventory_updated_at: row.updated_at })
          .where('id', '=', row.device_id)
          .execute();
      });
    },
  };
}
