import type { Alert, ConsoleSocketData } from '@deskside/protocol';
import type { Logger } from '../log/logger.js';
import { siteFilter } from '../services/access/site-scope.js';
import { toAlert } from '../services/alerts/alert-presenter.js';
import type { AlertService } from '../services/alerts/alert-service.js';
import { isClustered } from '../services/cluster/cluster-adapter.js';
import type { ConsoleNamespace } from './context.js';

/** Consoles watching every site's alerts. */
export const ALERTS_ROOM = 'alerts';

export function alertsSiteRoom(siteId: string): string {
  return `alerts-site:${siteId}`;
}

/** The alert rooms a person watches: all, or one per site of their scope. */
export function alertRoomsFor(who: Pick<ConsoleSocketData, 'role' | 'siteIds'>): string[] {
  const scope = siteFilter(who);
  return scope === undefined ? [ALERTS_ROOM] : scope.map(alertsSiteRoom);
}

/** An alert as the alert service stores it (what `toAlert` presents). */
type AlertRecord = Awaited<ReturnType<AlertService['records']>>[number];

export interface AlertFeedDeps {
  nsp: ConsoleNamespace;
  records(ids: readonly string[]): Promise<AlertRecord[]>;
  logger: Logger;
  /** Shortest time between two flushes (default {@link ALERT_FEED_WINDOW_MS}). */
  windowMs?: number;
  /** Told each pushed alert (metrics: change committed to console). */
  pushed?: (record: AlertRecord) => void;
}

/**
 * Shortest time between two alert pushes. The bar is an alert on a console within 100 ms (p99):
 * a change that lands just after a push waits out the window, so at 100 ms the bar was missed by
 * construction (bench: p99 128 ms at 300 alerts over 40 s). 25 ms still turns a storm into at
 * most 40 messages a second per console.
 */
export const ALERT_FEED_WINDOW_MS = 25;

/**
 * Coalesces alert changes for watching consoles like the device feed does, but leading-edge: a
 * change after a quiet spell goes out at once, and changes within `windowMs` of a flush wait for
 * the next one, so a burst costs one message.
 */
export class AlertFeed {
  private changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = 0;
  private flushing: Promise<void> | undefined;
  private closed = false;
  private readonly windowMs: number;

  constructor(private readonly deps: AlertFeedDeps) {
    this.windowMs = deps.windowMs ?? ALERT_FEED_WINDOW_MS;
  }

  markChanged(ids: readonly string[]): void {
    if (this.closed) return;
    for (const id of ids) this.changed.add(id);
    if (this.timer || this.flushing) return;
    const wait = Math.max(0, this.lastFlush + this.windowMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, wait);
    this.timer.unref();
  }

  /** Sends what changed since the last flush. */
  async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.changed.size === 0) return;
    const ids = [...this.changed];
    this.changed = new Set();
    this.lastFlush = Date.now();
    this.flushing = this.send(ids).finally(() => {
      this.flushing = undefined;
      // Changes that landed during the send go in the next window.
      if (this.changed.size > 0) this.markChanged([]);
    });
    return this.flushing;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async send(ids: string[]): Promise<void> {
    if (!hasAlertWatchers(this.deps.nsp)) return;
    try {
      const records = await this.deps.records(ids);
      if (records.length === 0) return;
      const all: Alert[] = [];
      const bySite = new Map<string, Alert[]>();
      for (const r of records) {
        const a = toAlert(r);
        all.push(a);
        bySite.set(r.siteId, [...(bySite.get(r.siteId) ?? []), a]);
      }
      this.deps.nsp.to(ALERTS_ROOM).emit('alerts:changed', { alerts: all });
      for (const [siteId, alerts] of bySite) this.deps.nsp.to(alertsSiteRoom(siteId)).emit('alerts:changed', { alerts });
      if (this.deps.pushed) for (const r of records) this.deps.pushed(r);
    } catch (err) {
      for (const id of ids) this.changed.add(id);
      this.deps.logger.warn('alert feed flush failed', { err: String(err) });
    }
  }
}

function hasAlertWatchers(nsp: ConsoleNamespace): boolean {
  if (isClustered(nsp)) return true;
  for (const [room, members] of nsp.adapter.rooms) {
    if (members.size > 0 && (room === ALERTS_ROOM || room.startsWith('alerts-site:'))) return true;
  }
  return false;
}
