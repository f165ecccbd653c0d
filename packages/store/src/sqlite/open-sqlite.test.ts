import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../test-support/temp-store.js';
import { BUSY_TIMEOUT_MS, openSqlite } from './open-sqlite.js';

let temp: TempDir;
afterEach(() => temp.remove());

describe('openSqlite', () => {
  it('puts a file database in WAL mode with synchronous=FULL, foreign keys and a busy timeout', async () => {
    temp = makeTempDir();
    const db = openSqlite({ kind: 'file', path: path.join(temp.dir, 'deskside.db') });
    try {
      const pragma = async (name: string) => {
        const { rows } = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(db);
        return Object.values(rows[0] ?? {})[0];
      };
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // 2 = FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(BUSY_TIMEOUT_MS);
    } finally {
      await db.destroy();
    }
  });

  it('enforces foreign keys', async () => {
    temp = makeTempDir();
    const db = openSqlite({ kind: 'memory' });
    try {
      await sql`create table parent (id text primary key)`.execute(db);
      await sql`create table child (parent_id text not null references parent (id))`.execute(db);
      await expect(sql`insert into child (parent_id) values ('nobody')`.execute(db)).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await db.destroy();
    }
  });
});
