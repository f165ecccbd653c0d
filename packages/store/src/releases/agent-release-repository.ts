import { sql, type Kysely, type Selectable } from 'kysely';
import type { RolloutState } from '@deskside/protocol';
import { fromMs, toMs } from '../mapping/time.js';
import type { Database } from '../schema.js';
import { stringList } from '../integrations/string-list.js';
import type { AgentReleaseRecord, AgentReleaseRepository } from './release-types.js';
import type { AgentReleasesTable } from './schema-releases.js';

const STATES: readonly RolloutState[] = ['rolling', 'paused', 'withdrawn'];

export function createAgentReleaseRepository(db: Kysely<Database>): AgentReleaseRepository {
  const byId = async (id: string) => {
    const row = await db.selectFrom('agent_releases').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  };
  return {
    async create(r) {
      await db
        .insertInto('agent_releases')
        .values({
          id: r.id,
          channel: r.channel,
          version: r.version,
          rollback: r.rollback ? 1 : 0,
          issued_at: toMs(r.issuedAt),
          expires_at: toMs(r.expiresAt),
          key_id: r.keyId,
          signed: r.signed,
          state: r.state,
          pilot_group_ids: JSON.stringify(r.pilotGroupIds),
          percent: r.percent,
          site_ids: JSON.stringify(r.siteIds),
          created_by: r.createdBy,
          created_at: toMs(r.createdAt),
          updated_at: toMs(r.updatedAt),
        })
        .execute();
    },
    async list() {
      const rows = await db.selectFrom('agent_releases').selectAll().orderBy('issued_at', 'desc').orderBy('id', 'desc').limit(500).execute();
      return rows.map(toRecord);
    },
    async offered(channel, now) {
      const rows = await db
        .selectFrom('agent_releases')
        .selectAll()
        .where('channel', '=', channel)
        .where('state', '=', 'rolling')
        .where('expires_at', '>', toMs(now))
        .orderBy('issued_at', 'desc')
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
      return rows.map(toRecord);
    },
    findById: byId,
    async findByIssue(channel, version, issuedAt) {
      const row = await db
        .selectFrom('agent_releases')
        .selectAll()
        .where('channel', '=', channel)
        .where('version', '=', version)
        .where('issued_at', '=', toMs(issuedAt))
        .executeTakeFirst();
      return row && toRecord(row);
    },
    async updateRollout(id, patch, at) {
      const result = await db
        .updateTable('agent_releases')
        .set({
          ...(patch.state !== undefined ? { state: patch.state } : {}),
          ...(patch.pilotGroupIds !== undefined ? { pilot_group_ids: JSON.stringify(patch.pilotGroupIds) } : {}),
          ...(patch.percent !== undefined ? { percent: patch.percent } : {}),
          ...(patch.siteIds !== undefined ? { site_ids: JSON.stringify(patch.siteIds) } : {}),
          updated_at: toMs(at),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? byId(id) : undefined;
    },
    async reportVersion(deviceId, channel, version, at) {
      await db
        .insertInto('agent_versions')
        .values({ device_id: deviceId, channel, version, reported_at: toMs(at) })
        .onConflict((oc) => oc.column('device_id').doUpdateSet({ channel, version, reported_at: toMs(at) }))
        .execute();
    },
    async versionCounts() {
      const rows = await db
        .selectFrom('agent_versions')
        .select(['channel', 'version', sql<number | string>`count(*)`.as('devices')])
        .groupBy(['channel', 'version'])
        .orderBy(sql`count(*)`, 'desc')
        .orderBy('version', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => ({ channel: r.channel, version: r.version, devices: Number(r.devices) }));
    },
  };
}

function toRecord(row: Selectable<AgentReleasesTable>): AgentReleaseRecord {
  return {
    id: row.id,
    channel: row.channel,
    version: row.version,
    rollback: Number(row.rollback) === 1,
    issuedAt: fromMs(row.issued_at),
    expiresAt: fromMs(row.expires_at),
    keyId: row.key_id,
    signed: row.signed,
    state: STATES.find((s) => s === row.state) ?? 'paused',
    pilotGroupIds: stringList(row.pilot_group_ids),
    percent: Number(row.percent),
    siteIds: stringList(row.site_ids),
    createdBy: row.created_by,
    createdAt: fromMs(row.created_at),
    updatedAt: fromMs(row.updated_at),
  };
}
