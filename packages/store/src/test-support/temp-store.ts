// Test support only (not exported by the package): a real store in a fresh temp directory, on
// SQLite, or on a fresh PostgreSQL database when DESKSIDE_TEST_STORE_ENGINE=postgres (the
// `unit-postgres` vitest project runs the store's suites that way: same tests, both engines).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../open-store.js';
import type { OpenStoreOptions, Store } from '../types.js';
import { createTestDatabase } from './postgres.js';

/** The engine this test process opens stores on. */
export const TEST_STORE_ENGINE: 'sqlite' | 'postgres' = process.env.DESKSIDE_TEST_STORE_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export interface TempDir {
  readonly dir: string;
  remove(): void;
}

export function makeTempDir(): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deskside-store-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface TempStore {
  readonly store: Store;
  readonly dir: string;
  /** What opened it: `openStore(options)` opens a second store on the same database. */
  readonly options: OpenStoreOptions;
  /** Closes the store and deletes its directory. */
  cleanup(): Promise<void>;
}

export async function openTempStore(): Promise<TempStore> {
  const temp = makeTempDir();
  const database = TEST_STORE_ENGINE === 'postgres' ? await createTestDatabase() : undefined;
  const options: OpenStoreOptions = { dataDir: temp.dir, ...(database ? { databaseUrl: database.url } : {}) };
  const store = await openStore(options);
  return {
    store,
    dir: temp.dir,
    options,
    async cleanup() {
      await store.close();
      await database?.drop();
      temp.remove();
    },
  };
}
