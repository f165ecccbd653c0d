import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linuxFsSize, sharedFsSize } from './fs-size.js';

const TABLE = [
  'proc /proc proc rw 0 0',
  '/dev/sda2 / ext4 rw 0 0',
  'tmpfs /dev/shm tmpfs rw 0 0',
  '/dev/sdb1 /mnt/my\\040data xfs rw 0 0',
  '//server/share /mnt/share cifs rw 0 0',
  'server:/export /mnt/nfs nfs4 rw 0 0',
].join('\n');

describe('linuxFsSize', () => {
  it('reads real, local volumes from the mount table and never stats network mounts', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mounts-')), 'mounts');
    writeFileSync(file, TABLE);
    const asked: string[] = [];
    const stat = (path: string) => {
      asked.push(path);
      return Promise.resolve({ blocks: 1000, bfree: 250, bsize: 4096 });
    };
    const sizes = await linuxFsSize(file, stat);
    expect(asked).toEqual(['/', '/mnt/my data']);
    expect(sizes[0]).toEqual({ fs: '/dev/sda2', type: 'ext4', mount: '/', size: 4_096_000, used: 3_072_000 });
  });

  it.runIf(process.platform === 'linux')('measures this machine', async () => {
    const sizes = await sharedFsSize(5_000, () => 0, 'linux');
    for (const s of sizes) expect(s.used).toBeLessThanOrEqual(s.size);
  });
});
