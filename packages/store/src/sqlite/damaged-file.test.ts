import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { makeTempDir, type TempDir } from '../test-support/temp-store.js';

let temp: TempDir;
afterEach(() => temp.remove());

describe('a damaged or empty database file is refused at start', () => {
  it('refuses an empty file instead of treating it as a new install', async () => {
    temp = makeTempDir();
    fs.writeFileSync(path.join(temp.dir, 'deskside.db'), '');
    await expect(openStore({ dataDir: temp.dir })).rejects.toThrow(/is empty \(0 bytes\).*Restore it from a backup/);
  });

  it('refuses a file that is not SQLite', async () => {
    temp = makeTempDir();
    fs.writeFileSync(path.join(temp.dir, 'deskside.db'), Buffer.alloc(8192, 0x41));
    await expect(openStore({ dataDir: temp.dir })).rejects.toThrow(/is not a SQLite database/);
  });

  it('refuses a database with random bytes written inside it', async () => {
    temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    await store.sites.create({ id: '01JSITE0000000000000000000', name: 'Main office', createdAt: new Date() });
    await store.close();
    const file = path.join(temp.dir, 'deskside.db');
    const bytes = fs.readFileSync(file);
    // Keep the 100-byte header, trash the pages after it (schema and tables).
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from(Array.from({ length: bytes.length - 200 }, (_, i) => (i * 7919 + 13) % 256)), 0, bytes.length - 200, 100);
    fs.closeSync(fd);
    await expect(openStore({ dataDir: temp.dir })).rejects.toThrow(/damaged|not a SQLite database|malformed/);
  });

  it('still creates a new database where there is no file', async () => {
    temp = makeTempDir();
    const store = await openStore({ dataDir: temp.dir });
    await store.close();
    const reopened = await openStore({ dataDir: temp.dir });
    await reopened.close();
  });
});
