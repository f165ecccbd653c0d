import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp.js';
import { lockDataDir } from './data-dir-lock.js';

describe('data directory lock', () => {
  const dirs: Array<{ remove(): void }> = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) d.remove();
  });
  const fresh = () => {
    const d = tempDir();
    dirs.push(d);
    return d.dir;
  };

  it('refuses a second owner while the first lives, and frees the directory on release', () => {
    const dir = fresh();
    const release = lockDataDir(dir, process.pid);
    // Another live process (our parent stands in for "another hub").
    expect(() => lockDataDir(dir, process.ppid)).toThrow(/Another Deskside hub \(process \d+\) is already using the data directory/);
    release();
    expect(existsSync(path.join(dir, 'hub.lock'))).toBe(false);
    lockDataDir(dir, process.ppid)();
  });

  it('takes over the lock of a process that is gone (kill -9)', async () => {
    const dir = fresh();
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid ?? 0;
    await new Promise((resolve) => child.once('exit', resolve));
    writeFileSync(path.join(dir, 'hub.lock'), `${pid}\n`);
    const release = lockDataDir(dir);
    release();
  });
});
