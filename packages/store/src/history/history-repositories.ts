import type { Kysely } from 'kysely';
import { fromJsonOrUndefined, toJsonOrNull } from '../mapping/json.js';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import type { DeviceChangeRecord, HistoryRepositories } from './history-types.js';

const EMPTY_LINK = { candidate_id: null, matched_on: null, merged_into_id: null, merged_at: null, identity_key: null, macs: null };

const KINDS = new Set(['added', 'removed', 'changed', 'upgraded', 'downgraded', 'merged']);
// SQLite's default limit is 999 bound parameters; 9 per row.
const ROWS_PER_INSERT = 100;

/** Change history and reinstall links over one database handle (the store or a transaction). */
export function createHistoryRepositories(db: Kysely<Database>): HistoryRepositories {
  return {
    changes: {
      async insertMany(changes) {
        for (let i = 0; i < changes.length; i += ROWS_PER_INSERT) {
          const rows = changes.slice(i, i + ROWS_PER_INSERT).map((c) => ({
            id: c.id,
            device_id: c.deviceId,
            at: toMs(c.at),
            section: c.section,
            kind: c.kind,
            summary: c.summary,
            before: toJsonOrNull(c.before ?? undefined),
            after: toJsonOrNull(c.after ?? undefined),
          }));
          await db.insertInto('device_changes').values(rows).execute();
        }
      },
      async list(deviceId, { before, limit }) {
        let q = db.selectFrom('device_changes').selectAll().where('device_id', '=', deviceId);
        if (before) q = q.where('at', '<', toMs(before));
        const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
        return rows.map(
          (r): DeviceChangeRecord => ({
            id: r.id,
            deviceId: r.device_id,
            at: fromMs(r.at),
            section: r.section,
            kind: (KINDS.has(r.kind) ? r.kind : 'changed') as DeviceChangeRecord['kind'],
            summary: r.summary,
            before: fromJsonOrUndefined(r.before) ?? null,
            after: fromJsonOrUndefined(r.after) ?? null,
          }),
        );
      },
    },
    deviceLinks: {
      async get(deviceId) {
        const r = await db.selectFrom('device_links').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
        if (!r) return undefined;
        const matched = fromJsonOrUndefined(r.matched_on);
        return {
          deviceId: r.device_id,
          candidateId: r.candidate_id,
          matchedOn: Array.isArray(matched) ? matched.filter((m): m is string => typeof m === 'string') : [],
          mergedIntoId: r.merged_into_id,
          mergedAt: r.merged_at === null ? null : fromMs(r.merged_at),
        };
      },
      async setIdentity(deviceId, identityKey, macs) {
        const values = { identity_key: identityKey, macs: JSON.stringify(macs) };
        await db
          .insertInto('device_links')
          .values({ ...EMPTY_LINK, device_id: deviceId, ...values })
          .onConflict((oc) => oc.column('device_id').doUpdateSet(values))
          .execute();
      },
      async findByIdentity(identityKey) {
        const rows = await db.selectFrom('device_links').select(['device_id', 'identity_key', 'macs']).where('identity_key', '=', identityKey).limit(50).execute();
        return rows.map((r) => {
          const macs = fromJsonOrUndefined(r.macs);
          return { deviceId: r.device_id, identityKey: r.identity_key ?? '', macs: Array.isArray(macs) ? macs.filter((m): m is string => typeof m === 'string') : [] };
        });
      },
      async setCandidate(deviceId, candidateId, matchedOn) {
        const matched_on = JSON.stringify(matchedOn);
        await db
          .insertInto('device_links')
          .values({ ...EMPTY_LINK, device_id: deviceId, candidate_id: candidateId, matched_on })
          .onConflict((oc) => oc.column('device_id').doUpdateSet({ candidate_id: candidateId, matched_on }))
          .execute();
      },
      async clearCandidate(deviceId) {
        await db.updateTable('device_links').set({ candidate_id: null, matched_on: null }).where('device_id', '=', deviceId).execute();
      },
      async markMerged(deviceId, intoId, at) {
        const merged_at = toMs(at);
        await db
          .insertInto('device_links')
          .values({ ...EMPTY_LINK, device_id: deviceId, merged_into_id: intoId, merged_at })
          .onConflict((oc) => oc.column('device_id').doUpdateSet({ candidate_id: null, matched_on: null, merged_into_id: intoId, merged_at }))
          .execute();
      },
      async moveRecords(fromId, toId) {
        const changes = await db.updateTable('device_changes').set({ device_id: toId }).where('device_id', '=', fromId).executeTakeFirst();
        const health = await db.updateTable('health_samples').set({ device_id: toId }).where('device_id', '=', fromId).executeTakeFirst();
        const target = await db.selectFrom('inventories').select('device_id').where('device_id', '=', toId).executeTakeFirst();
        let inventory = false;
        if (!target) {
          const source = await db.selectFrom('inventories').selectAll().where('device_id', '=', fromId).executeTakeFirst();
          if (source) {
            await db.insertInto('inventories').values({ ...source, device_id: toId }).execute();
            await db.deleteFrom('inventories').where('device_id', '=', fromId).execute();
            await db.updateTable('devices').set({ inventory_hash: source.hash, inventory_updated_at: source.updated_at }).where('id', '=', toId).execute();
            await db.updateTable('devices').set({ inventory_hash: null, inventory_updated_at: null }).where('id', '=', fromId).execute();
            inventory = true;
          }
        }
        return { changes: Number(changes.numUpdatedRows), healthSamples: Number(health.numUpdatedRows), inventory };
      },
    },
  };
}
