import { open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensurePrivateDir, fsyncDir } from '../util/atomic-file.js';
import { monotonicIds } from '@deskside/protocol';
import { FILE_SUFFIX, ITEM_FILE, OutboxFullError, OutboxRecordSchema, type OutboxPriority, type OutboxRecord } from './outbox-record.js';

/** Largest single item another process may drop in (a ticket with its screenshot is ~1.5 MB). */
export const MAX_APPENDED_BYTES = 4 * 1024 * 1024;

/**
 * Adds items to an outbox directory that another process (a running `deskside-agent run`) may own,
 * without opening it as an `Outbox`: no cleanup of the owner's temp files, no in-memory index.
 * The item is written tmp → fsync → rename → fsync(dir) like the owner's, named by a ULID later
 * than every item already there; the owner picks it up on its next drain (`Outbox.rescan`).
 */
export class OutboxAppender {
  constructor(
    readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  async enqueue(kind: string, payload: unknown, priority: OutboxPriority): Promise<OutboxRecord> {
    await ensurePrivateDir(this.dir);
    const last = (await readdir(this.dir)).filter((n) => ITEM_FILE.test(n)).sort().at(-1)?.slice(0, -FILE_SUFFIX.length) ?? null;
    const id = monotonicIds(this.now, last)();
    const record = OutboxRecordSchema.parse({ v: 1, id, kind, priority, enqueuedAt: new Date(this.now()).toISOString(), payload });
    const data = JSON.stringify(record);
    if (Buffer.byteLength(data) > MAX_APPENDED_BYTES) throw new OutboxFullError('message too large for the outbox');
    const tmp = join(this.dir, `${id}.tmp`);
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (e) {
      await handle.close();
      await rm(tmp, { force: true });
      throw e;
    }
    await handle.close();
    await rename(tmp, join(this.dir, `${id}${FILE_SUFFIX}`));
    await fsyncDir(this.dir);
    return record;
  }
}
