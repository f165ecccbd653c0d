import type { DeviceSummary } from '@deskside/protocol';
import type { Logger } from '../log/logger.js';

export interface ConsoleFeedDeps {
  /** Current summaries of these ids; unknown or revoked ones are left out. */
  summaries(ids: readonly string[]): Promise<DeviceSummary[]>;
  /** Whether any console is watching (nothing is read when nobody is). */
  hasWatchers(): boolean;
  emitChanged(devices: DeviceSummary[]): void;
  emitRemoved(ids: string[]): void;
  logger: Logger;
}

/**
 * Coalesces device changes for watching consoles: ids are collected as they change and sent as
 * ONE `devices:changed` per flush (every 250 ms at runtime) with the latest summaries, so a fleet
 * of 10,000 reconnecting devices costs a browser a few messages, not 10,000.
 */
export class ConsoleFeed {
  private changed = new Set<string>();
  private flushing = false;

  constructor(private readonly deps: ConsoleFeedDeps) {}

  markChanged(deviceId: string): void {
    this.changed.add(deviceId);
  }

  get pending(): number {
    return this.changed.size;
  }

  /** Sends what changed since the last flush. A flush still running makes this one a no-op. */
  async flush(): Promise<void> {
    if (this.flushing || this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed = new Set();
    if (!this.deps.hasWatchers()) return;
    this.flushing = true;
    try {
      const devices = await this.deps.summaries(ids);
      if (devices.length > 0) this.deps.emitChanged(devices);
      const present = new Set(devices.map((d) => d.id));
      const removed = ids.filter((id) => !present.has(id));
      if (removed.length > 0) this.deps.emitRemoved(removed);
    } catch (err) {
      // Put them back: the next flush retries rather than leaving consoles stale.
      for (const id of ids) this.changed.add(id);
      this.deps.logger.warn('console feed flush failed', { err: String(err) });
    } finally {
      this.flushing = false;
    }
  }
}
