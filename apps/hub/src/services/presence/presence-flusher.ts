import type { Store } from '@deskside/store';
import type { Logger } from '../../log/logger.js';
import type { PresenceTracker } from './presence-tracker.js';

/**
 * Writes the presence table's changes (last seen, declared state, status) to the store in one
 * transaction every few seconds, so a restarted hub starts from where this one left off.
 */
export class PresenceFlusher {
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly presence: PresenceTracker,
    private readonly logger: Logger,
  ) {}

  /** Flushes now; flushes never overlap (each waits for the previous one). */
  flush(): Promise<void> {
    this.running = this.running.then(() => this.flushOnce());
    return this.running;
  }

  private async flushOnce(): Promise<void> {
    const updates = this.presence.drainDirty();
    if (updates.length === 0) return;
    try {
      await this.store.transaction((tx) => tx.devices.flushPresence(updates));
    } catch (err) {
      this.presence.markDirty(updates.map((u) => u.deviceId));
      this.logger.warn('presence flush failed; will retry', { err: String(err), count: updates.length });
    }
  }
}
