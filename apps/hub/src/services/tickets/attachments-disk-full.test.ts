import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogger } from '../../test-support/temp.js';
import { AttachmentFiles } from './attachments.js';
import { pngHeader } from './image-fixtures.js';

/** A 2 MB tmpfs, when this process may mount one (root in a container): a real disk-full. */
const mountPoint = mkdtempSync(path.join(tmpdir(), 'deskside-full-'));
const mounted = ((): boolean => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe.skipIf(!mounted)('attachments on a full disk (2 MB tmpfs; skipped: mount -t tmpfs is not permitted here)', () => {
  beforeAll(() => {
    // Leave ~300 KB free: a ~1 MB screenshot cannot fit.
    writeFileSync(path.join(mountPoint, 'filler'), Buffer.alloc(1_750_000, 1));
  });
  afterAll(() => {
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('leaves no orphan file, logs the real error and answers a clear refusal', async () => {
    const logs = captureLogger();
    const attachments = new AttachmentFiles(mountPoint, logs.logger);
    const png = Buffer.concat([pngHeader(800, 600), Buffer.alloc(1_000_000, 7)]);
    await expect(attachments.save(png, { id: 'a1', ticketId: 't1', kind: 'screenshot', now: new Date('2026-01-05T00:00:00Z') })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('out of disk space'),
    });
    expect(files(path.join(mountPoint, 'attachments'))).toEqual([]);
    expect(logs.text()).toContain('ENOSPC');
  });
});

if (!mounted) rmSync(mountPoint, { recursive: true, force: true });
