// Test support only (not exported by the package): a real store in a fresh temp directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../open-store.js';
import type { Store } from '../types.js';

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
  /** Closes the store and deletes its directory. */
  cleanup(): Promise<void>;
}

export async function openTempStore(): Promise<TempStore> {
  const temp = makeTempDir();
  const store = await openStore({ dataDir: temp.dir });
  return {
    store,
    dir: temp.dir,
    async cleanup() {
      await store.close();
      temp.remove();
    },
  };
}
