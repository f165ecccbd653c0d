import { AlertSchema, type Alert } from '@deskside/protocol';

/** Largest batch the console will look at: the hub sends at most every open alert of a fleet. */
const MAX_BATCH = 100_000;

/** Alerts that passed the schema, and how many were dropped. */
export interface AlertBatch {
  alerts: Alert[];
  rejected: number;
}

/**
 * `{alerts: Alert[]}` from the hub (`alerts:changed`, the `alerts:watch` ack), checked alert by
 * alert: one malformed row is dropped and counted instead of losing the whole coalesced batch.
 */
export function parseAlertBatch(payload: unknown): AlertBatch {
  if (!isRecord(payload) || !Array.isArray(payload.alerts)) return { alerts: [], rejected: 1 };
  const items: unknown[] = payload.alerts;
  if (items.length > MAX_BATCH) return { alerts: [], rejected: items.length };
  const alerts: Alert[] = [];
  let rejected = 0;
  for (const item of items) {
    const parsed = AlertSchema.safeParse(item);
    if (parsed.success) alerts.push(parsed.data);
    else rejected += 1;
  }
  return { alerts, rejected };
}

/** The ack of `alerts:watch`: the snapshot of every unresolved alert, or the hub's error. */
export function parseAlertsWatchAck(ack: unknown): { ok: true; batch: AlertBatch } | { ok: false; code: string; message: string } {
  if (!isRecord(ack) || typeof ack.ok !== 'boolean') return { ok: false, code: 'bad_response', message: 'Malformed answer to alerts:watch.' };
  if (ack.ok) return { ok: true, batch: parseAlertBatch(ack.data) };
  const error = isRecord(ack.error) ? ack.error : {};
  return {
    ok: false,
    code: typeof error.code === 'string' ? error.code.slice(0, 64) : 'bad_response',
    message: typeof error.message === 'string' ? error.message.slice(0, 1024) : 'The hub refused to send the alerts.',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
