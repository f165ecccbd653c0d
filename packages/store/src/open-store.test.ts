import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, MIGRATION_TABLE } from './migrations/index.js';
import { openStore } from './open-store.js';
import { aSite } from './test-support/records.js';
import { makeTempDir, type TempDir } from './test-support/temp-store.js';

let temp: TempDir;
afterEach(() => temp.remove());

function appliedMigrations(dbFile: string): string[] {
  const raw = new BetterSqlite3(dbFile, { readonly: true });
  try {
    const rows = raw.prepare(`select name from ${MIGRATION_TABLE} order by name`).all() as Array<{ name: string }>;
    return rows.map((r) => r.name);
  } finally {
    raw.close();
  }
}

describe('openStore', () => {
  it('creates <dataDir>/deskside.db, migrates once, and re-opens an existing database as a no-op', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'nested', 'data');
    const site = aSite();

    const first = await openStore({ dataDir });
    expect(first.dialect).toBe('sqlite');
    await first.sites.create(site);
    await first.close();

    const dbFile = path.join(dataDir, 'deskside.db');
    expect(appliedMigrations(dbFile)).toEqual(Object.keys(MIGRATIONS).sort());

    const second = await openStore({ dataDir });
    expect(await second.sites.list()).toEqual([site]);
    await second.close();
    expect(appliedMigrations(dbFile)).toEqual(Object.keys(MIGRATIONS).sort());
  });

  it('creates the data directory 0700 and the database file 0600', async () => {
    temp = makeTempDir();
    const dataDir = path.join(temp.dir, 'data');
    const store = await openStore({ dataDir });
    await store.close();
    if (process.platform !== 'win32') {
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dataDir, 'deskside.db')).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses a database migrated by a newer build, naming the unknown migration', async () => {
    temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    await store.close();
    const raw = new BetterSqlite3(path.join(temp.dir, 'deskside.db'));
    raw.prepare(`insert into ${MIGRATION_TABLE} (name, timestamp) values (?, ?)`).run('9999-from-the-future', new Date().toISOString());
    raw.close();

    await expect(openStore({ dataDir: temp.dir })).rejects.toThrow(/newer version of Deskside.*9999-from-the-future/);
  });

  it('opens sqlite:///absolute/path URLs and sqlite::memory:', async () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'custom', 'hub.db');
    const fromUrl = await openStore({ databaseUrl: `sqlite://${file}` });
    await fromUrl.sites.create(aSite());
    await fromUrl.close();
    expect(fs.existsSync(file)).toBe(true);

    const memory = await openStore({ databaseUrl: 'sqlite::memory:' });
    await memory.ping();
    expect(await memory.sites.list()).toEqual([]);
    await memory.close();
  });

  it('names an unreachable PostgreSQL clearly, with its password masked', async () => {
    temp = makeTempDir();
    const attempt = openStore({ databaseUrl: 'postgres://deskside:s3cret@127.0.0.1:1/deskside' });
    await expect(attempt).rejects.toThrow('Cannot open the PostgreSQL database postgres://deskside:***@127.0.0.1:1/deskside: connect ECONNREFUSED');
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });

  it('refuses to open without a location', async () => {
    temp = makeTempDir();
    await expect(openStore({})).rejects.toThrow(/dataDir or a databaseUrl/);
  });

  it('answers ping and closes idempotently', async () => {
    temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
    await expect(store.ping()).rejects.toThrow();
  });
});

describe('openStore on a file that is not a database', () => {
  it('rejects, and does not leave the file changed', async () => {
    temp = makeTempDir();
    const file = path.join(temp.dir, 'deskside.db');
    fs.writeFileSync(file, 'this is not a SQLite database, just some text that is long enough.');
    await expect(openStore({ dataDir: temp.dir })).rejects.toThrow(/not a SQLite database/);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^this is not a SQLite database/);
  });
});
