import { type Kysely, type Selectable, sql } from 'kysely';
import { RoleSchema } from '@deskside/protocol';
import { fromMs, fromMsOrNull, toMs, toMsOrNull } from '../mapping/time.js';
import { parseSiteIds, parseTier, userPatchColumns } from './user-columns.js';
import type { Database, UsersTable } from '../schema.js';
import type { UserRecord, UserRepository } from '../types.js';

export function createUserRepository(db: Kysely<Database>): UserRepository {
  return {
    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? undefined : toUser(row);
    },
    async findByUsername(username) {
      // lower() on both sides, in SQL, so the lookup folds case exactly as the unique index does.
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where(sql`lower(username)`, '=', sql<string>`lower(${username})`)
        .executeTakeFirst();
      return row === undefined ? undefined : toUser(row);
    },
    async create(user) {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          password_hash: user.passwordHash,
          created_at: toMs(user.createdAt),
          disabled_at: toMsOrNull(user.disabledAt),
          tier: user.tier ?? null,
          site_ids: JSON.stringify(user.siteIds ?? []),
        })
        .execute();
    },
    async setPasswordHash(id, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
    async list() {
      const rows = await db.selectFrom('users').selectAll().orderBy(sql`lower(username)`).execute();
      return rows.map(toUser);
    },
    async update(id, patch) {
      const columns = userPatchColumns(patch);
      if (Object.keys(columns).length === 0) return;
      await db.updateTable('users').set(columns).where('id', '=', id).execute();
    },
  };
}

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: RoleSchema.parse(row.role),
    passwordHash: row.password_hash,
    createdAt: fromMs(row.created_at),
    disabledAt: fromMsOrNull(row.disabled_at),
    tier: parseTier(row.tier),
    siteIds: parseSiteIds(row.site_ids),
  };
}
