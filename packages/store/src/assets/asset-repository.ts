import type { Kysely } from 'kysely';
import { chunkForParams } from '../mapping/chunk.js';
import type { Database } from '../schema.js';
import type { AssetRepository } from '../asset-types.js';
import { assetRow, toAsset, toAssetEdit } from './asset-rows.js';
import { fleetCount, fleetPage } from './fleet-page.js';
import { readInventorySections } from './inventory-sections.js';

export function createAssetRepository(db: Kysely<Database>): AssetRepository {
  return {
    async get(deviceId) {
      const row = await db.selectFrom('device_assets').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
      return row === undefined ? undefined : toAsset(row);
    },
    async put(asset) {
      const { device_id: _id, ...rest } = assetRow(asset);
      await db
        .insertInto('device_assets')
        .values(assetRow(asset))
        .onConflict((oc) => oc.column('device_id').doUpdateSet(rest))
        .execute();
    },
    async addEdits(edits) {
      if (edits.length === 0) return;
      for (const chunk of chunkForParams(edits, 8)) {
        await db
          .insertInto('asset_edits')
          .values(
            chunk.map((e) => ({
              id: e.id,
              device_id: e.deviceId,
              field: e.field,
              before: e.before,
              after: e.after,
              at: e.at.getTime(),
              user_id: e.userId,
              user_name: e.userName,
            })),
          )
          .execute();
      }
    },
    async listEdits(deviceId, limit) {
      const rows = await db
        .selectFrom('asset_edits')
        .selectAll()
        .where('device_id', '=', deviceId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(1, Math.min(limit, 1_000)))
        .execute();
      return rows.map(toAssetEdit);
    },
    async getMany(deviceIds) {
      const out = new Map<string, ReturnType<typeof toAsset>>();
      for (const chunk of chunkForParams(deviceIds, 1)) {
        const rows = await db.selectFrom('device_assets').selectAll().where('device_id', 'in', chunk).execute();
        for (const row of rows) out.set(row.device_id, toAsset(row));
      }
      return out;
    },
    page: (filter, after, limit, offset) => fleetPage(db, filter, after, limit, offset),
    count: (filter) => fleetCount(db, filter),
    inventorySections: (deviceIds, sections) => readInventorySections(db, deviceIds, sections),
  };
}
