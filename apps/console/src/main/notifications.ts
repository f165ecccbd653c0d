import { Notification } from 'electron';
import { z } from 'zod';
import { NOTIFY_LIMITS } from '../common/bridge-api.js';

/** `notify(title, body)` arguments: two bounded, non-empty plain strings. */
export const NotifyArgsSchema = z.tuple([
  z.string().trim().min(1).max(NOTIFY_LIMITS.title),
  z.string().max(NOTIFY_LIMITS.body),
]);

export interface NotifierOptions {
  now: () => number;
  /** At most this many notifications per window (a busy alert feed must not bury the desktop). */
  burst?: number;
  windowMs?: number;
}

/**
 * Shows desktop notifications for the console page, rate-limited. Text is shown as plain text by
 * the OS; nothing in it is interpreted. Returns whether one was shown.
 */
export function createNotifier({ now, burst = 5, windowMs = 10_000 }: NotifierOptions): (title: string, body: string) => boolean {
  let shownAt: number[] = [];
  return (title, body) => {
    const t = now();
    shownAt = shownAt.filter((at) => t - at < windowMs);
    if (shownAt.length >= burst || !Notification.isSupported()) return false;
    shownAt.push(t);
    new Notification({ title, body, silent: false }).show();
    return true;
  };
}
