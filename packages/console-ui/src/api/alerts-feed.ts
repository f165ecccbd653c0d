import type { Alert } from '@deskside/protocol';
import { parseAlertBatch, parseAlertsWatchAck } from './alert-payloads.js';
import { watchFeed, type WatchFeedHandlers, type WatchFeedOptions, type WatchSpec } from './watch-feed.js';

/** Snapshot: every unresolved alert; changes: alerts to insert or replace (resolved ones included, to drop them). */
export type AlertsFeedHandlers = WatchFeedHandlers<Alert>;
export type AlertsFeedOptions = WatchFeedOptions<Alert>;

/** A running alerts watch; `close()` stops listening (the socket itself stays with its owner). */
export interface AlertsFeed {
  close(): void;
}

const ALERTS: WatchSpec<Alert> = {
  watchEvent: 'alerts:watch',
  changedEvent: 'alerts:changed',
  noun: 'alerts',
  parseAck(ack) {
    const result = parseAlertsWatchAck(ack);
    return result.ok ? { ok: true, items: result.batch.alerts, rejected: result.batch.rejected } : result;
  },
  parseBatch(payload) {
    const batch = parseAlertBatch(payload);
    return { items: batch.alerts, rejected: batch.rejected };
  },
};

/** Watches alerts over the shared `/console` socket (`alerts:watch` on every connection, `alerts:changed`). */
export function watchAlerts(options: AlertsFeedOptions): AlertsFeed {
  return watchFeed(ALERTS, options);
}
