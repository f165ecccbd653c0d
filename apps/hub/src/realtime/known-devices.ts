import { timingSafeEqual } from 'node:crypto';

/** What the cache says about a presented device credential, before any database work. */
export type KnownVerdict = 'match' | 'mismatch' | 'unknown';

/**
 * The key hashes of the devices this hub knows, in memory (~150 bytes a device), so a `/agent`
 * handshake is checked with one SHA-256 and one map lookup before it may spend the admission
 * budget: junk credentials for known ids are refused at once, junk ids go to a small budget of
 * their own, and real agents keep theirs. A device key never changes for its id, so a cached hash
 * is never stale; a revoked device is forgotten (and the database refuses it anyway).
 */
export class KnownDevices {
  private readonly hashes = new Map<string, Buffer>();
  private seeded = false;

  /** Fills the cache from the store's devices (revoked ones are left out). */
  seed(devices: Iterable<{ id: string; keyHash: string; revokedAt: Date | null }>): void {
    for (const d of devices) if (d.revokedAt === null) this.remember(d.id, d.keyHash);
    this.seeded = true;
  }

  /** Whether the cache holds every device of the store as of start-up (before: every id is `unknown`). */
  get ready(): boolean {
    return this.seeded;
  }

  remember(id: string, keyHashHex: string): void {
    this.hashes.set(id, Buffer.from(keyHashHex, 'hex'));
  }

  forget(id: string): void {
    this.hashes.delete(id);
  }

  check(id: string, presentedHashHex: string): KnownVerdict {
    const known = this.hashes.get(id);
    if (!known) return 'unknown';
    const presented = Buffer.from(presentedHashHex, 'hex');
    return presented.length === known.length && timingSafeEqual(presented, known) ? 'match' : 'mismatch';
  }

  get size(): number {
    return this.hashes.size;
  }
}
