import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir, ensurePrivateDir } from '../util/atomic-file.js';
import type { Logger } from '../util/logger.js';
import { silentLogger } from '../util/logger.js';
import { monotonicIds } from '@deskside/protocol';
import { FILE_SUFFIX, ITEM_FILE, OutboxFullError, OutboxRecordSchema, type OutboxPriority, type OutboxRecord } from './outbox-record.js';

/**
 * Caps of the outbox. At 30 s heartbeats 10,000 samples are about 3.5 days offline; 50 MB keeps a
 * long-offline laptop's disk safe.
 */
export const DEFAULT_OUTBOX_LIMITS = { maxItems: 10_000, maxBytes: 50 * 1024 * 1024 } as const;

export interface OutboxOptions {
  limits?: { maxItems: number; maxBytes: number };
  now?: () => number;
  logger?: Logger;
}

type Entry = { id: string; priority: OutboxPriority; bytes: number };

/**
 * A durable, ordered queue of messages waiting for the hub, one file per message in `dir`, named by
 * a strictly increasing ULID. Each file is written tmp → fsync → rename → fsync(dir), so an item
 * that `enqueue` resolved survives kill -9 and power loss, and a half-written file is never taken
 * for an item. When full, the oldest low-value items (heartbeat samples) go first; high-value ones
 * (inventory, tickets) are never dropped: a low item is then refused, a high item is an error.
 */
export class Outbox {
  private readonly entries: Entry[];
  private totalBytes: number;
  private readonly limits: { maxItems: number; maxBytes: number };
  private readonly nextId: () => string;
  private readonly logger: Logger;
  private readonly now: () => number;
  // Writes and deletes run one at a time, so ids hit the disk in order and caps are exact.
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(readonly dir: string, entries: Entry[], options: OutboxOptions) {
    this.entries = entries;
    this.totalBytes = entries.reduce((n, e) => n + e.bytes, 0);
    this.limits = options.limits ?? DEFAULT_OUTBOX_LIMITS;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.nextId = monotonicIds(this.now, entries.at(-1)?.id ?? null);
  }

  /** Opens (creating if needed) the outbox in `dir`, moving corrupt files to `dir/corrupt/`. */
  static async open(dir: string, options: OutboxOptions = {}): Promise<Outbox> {
    const logger = options.logger ?? silentLogger;
    await ensurePrivateDir(dir);
    const entries: Entry[] = [];
    for (const name of (await readdir(dir)).sort()) {
      if (name.endsWith('.tmp')) {
        await rm(join(dir, name), { force: true });
        continue;
      }
      if (!ITEM_FILE.test(name)) continue;
      const record = await readRecord(join(dir, name));
      if (record === 'missing') continue;
      if (record === 'corrupt' || `${record.id}${FILE_SUFFIX}` !== name) {
        await moveAside(dir, name, logger);
        continue;
      }
      entries.push({ id: record.id, priority: record.priority, bytes: (await stat(join(dir, name))).size });
    }
    return new Outbox(dir, entries, options);
  }

  /** Number of queued items. */
  size(): number {
    return this.entries.length;
  }

  /** Bytes on disk of queued items. */
  bytes(): number {
    return this.totalBytes;
  }

  /**
   * Queues a message. Resolves once it is durable, with its record; resolves `null` when a low-value
   * item is refused because only high-value items fill the outbox.
   */
  enqueue(kind: string, payload: unknown, priority: OutboxPriority): Promise<OutboxRecord | null> {
    return this.serial(async () => {
      const id = this.nextId();
      const record: OutboxRecord = { v: 1, id, kind, priority, enqueuedAt: new Date(this.now()).toISOString(), payload };
      const data = JSON.stringify(OutboxRecordSchema.parse(record));
      const size = Buffer.byteLength(data);
      if (size > this.limits.maxBytes) throw new OutboxFullError(`message of ${size} bytes exceeds the outbox cap`);
      if (!(await this.makeRoom(size, priority))) return null;
      await this.writeItem(id, data);
      this.entries.push({ id, priority, bytes: size });
      this.totalBytes += size;
      return record;
    });
  }

  /**
   * Picks up items another process (`deskside-agent ticket`) wrote into `dir` since the last look.
   * Runs in the write chain, so an item being acked here can never be read back in. Returns how
   * many were added.
   */
  rescan(): Promise<number> {
    return this.serial(async () => {
      const known = new Set(this.entries.map((e) => e.id));
      let added = 0;
      for (const name of (await readdir(this.dir)).sort()) {
        if (!ITEM_FILE.test(name) || known.has(name.slice(0, -FILE_SUFFIX.length))) continue;
        const record = await readRecord(join(this.dir, name));
        if (record === 'missing') continue;
        if (record === 'corrupt' || `${record.id}${FILE_SUFFIX}` !== name) {
          await moveAside(this.dir, name, this.logger);
          continue;
        }
        const size = (await stat(join(this.dir, name))).size;
        this.entries.push({ id: record.id, priority: record.priority, bytes: size });
        this.totalBytes += size;
        added++;
      }
      if (added > 0) this.entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return added;
    });
  }

  /** The oldest `limit` items, in order, without removing them. */
  async peek(limit = 1): Promise<OutboxRecord[]> {
    await this.chain.catch(() => undefined);
    const out: OutboxRecord[] = [];
    for (const entry of this.entries.slice(0, Math.max(0, limit))) {
      const record = await readRecord(this.file(entry.id));
      if (typeof record === 'object') out.push(record);
      else await this.serial(() => this.discard(entry.id, record === 'corrupt'));
    }
    return out;
  }

  /** Removes a delivered item. Returns false if it was not queued (already acked). */
  ack(id: string): Promise<boolean> {
    return this.serial(async () => {
      if (!this.entries.some((e) => e.id === id)) return false;
      await this.discard(id, false);
      await fsyncDir(this.dir);
      return true;
    });
  }

  private async makeRoom(size: number, priority: OutboxPriority): Promise<boolean> {
    const full = () => this.entries.length + 1 > this.limits.maxItems || this.totalBytes + size > this.limits.maxBytes;
    let dropped = 0;
    while (full()) {
      const victim = this.entries.find((e) => e.priority === 'low');
      if (!victim) {
        if (dropped > 0) await fsyncDir(this.dir);
        if (priority === 'low') {
          this.logger.warn('outbox full of high-value items; low-value message refused', { size: this.entries.length });
          return false;
        }
        throw new OutboxFullError(`outbox is full (${this.entries.length} high-value messages waiting)`);
      }
      await this.discard(victim.id, false);
      dropped++;
    }
    if (dropped > 0) {
      await fsyncDir(this.dir);
      this.logger.warn('outbox full; dropped oldest low-value messages', { dropped });
    }
    return true;
  }

  private async writeItem(id: string, data: string): Promise<void> {
    const tmp = join(this.dir, `${id}.tmp`);
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.file(id));
    await fsyncDir(this.dir);
  }

  private async discard(id: string, corrupt: boolean): Promise<void> {
    const at = this.entries.findIndex((e) => e.id === id);
    if (at < 0) return;
    const [entry] = this.entries.splice(at, 1);
    this.totalBytes -= entry?.bytes ?? 0;
    if (corrupt) await moveAside(this.dir, `${id}${FILE_SUFFIX}`, this.logger);
    else await rm(this.file(id), { force: true });
  }

  private file(id: string): string {
    return join(this.dir, `${id}${FILE_SUFFIX}`);
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const run = this.chain.then(op, op);
    this.chain = run.catch(() => undefined);
    return run;
  }
}

/**
 * A stored record, `corrupt` when its content cannot be one, `missing` when the file is gone. Other
 * I/O errors (EMFILE, EIO, …) are thrown: a transient failure must not push a good item aside.
 */
async function readRecord(path: string): Promise<OutboxRecord | 'corrupt' | 'missing'> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  try {
    const parsed = OutboxRecordSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : 'corrupt';
  } catch {
    return 'corrupt';
  }
}

/** Keeps a file we cannot read for a human to look at, out of the delivery path. */
async function moveAside(dir: string, name: string, logger: Logger): Promise<void> {
  const corruptDir = join(dir, 'corrupt');
  await mkdir(corruptDir, { recursive: true, mode: 0o700 });
  try {
    await rename(join(dir, name), join(corruptDir, `${name}.${Date.now()}`));
    logger.warn('outbox file unreadable; moved aside', { file: name });
  } catch {
    await rm(join(dir, name), { force: true });
  }
}
