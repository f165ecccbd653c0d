import { DeviceSummarySchema, HandshakeErrorDataSchema, IdSchema, type DeviceSummary, type HandshakeErrorData } from '@deskside/protocol';

/** Largest batch the console will look at; the hub coalesces, it never needs more than a fleet. */
const MAX_BATCH = 100_000;

/** Devices that passed the schema, and how many were dropped. */
export interface DeviceBatch {
  devices: DeviceSummary[];
  rejected: number;
}

/**
 * `{devices: DeviceSummary[]}` from the hub, checked device by device: one malformed row is dropped
 * (and counted) instead of throwing away the whole coalesced batch. Anything that is not that shape
 * at all yields nothing.
 */
export function parseDeviceBatch(payload: unknown): DeviceBatch {
  if (!isRecord(payload) || !Array.isArray(payload.devices)) return { devices: [], rejected: 1 };
  const items: unknown[] = payload.devices;
  if (items.length > MAX_BATCH) return { devices: [], rejected: items.length };
  const devices: DeviceSummary[] = [];
  let rejected = 0;
  for (const item of items) {
    const parsed = DeviceSummarySchema.safeParse(item);
    if (parsed.success) devices.push(parsed.data);
    else rejected += 1;
  }
  return { devices, rejected };
}

/** `{ids: string[]}` of `devices:removed`; invalid ids are dropped and counted. */
export function parseRemovedIds(payload: unknown): { ids: string[]; rejected: number } {
  if (!isRecord(payload) || !Array.isArray(payload.ids)) return { ids: [], rejected: 1 };
  const items: unknown[] = payload.ids;
  if (items.length > MAX_BATCH) return { ids: [], rejected: items.length };
  const ids: string[] = [];
  let rejected = 0;
  for (const item of items) {
    const parsed = IdSchema.safeParse(item);
    if (parsed.success) ids.push(parsed.data);
    else rejected += 1;
  }
  return { ids, rejected };
}

/** The ack of `fleet:watch`: the snapshot, or the hub's error. */
export function parseWatchAck(ack: unknown): { ok: true; batch: DeviceBatch } | { ok: false; code: string; message: string } {
  if (!isRecord(ack) || typeof ack.ok !== 'boolean') return { ok: false, code: 'bad_response', message: 'Malformed answer to fleet:watch.' };
  if (ack.ok) return { ok: true, batch: parseDeviceBatch(ack.data) };
  const error = isRecord(ack.error) ? ack.error : {};
  return {
    ok: false,
    code: typeof error.code === 'string' ? error.code.slice(0, 64) : 'bad_response',
    message: typeof error.message === 'string' ? error.message.slice(0, 1024) : 'The hub refused to send the fleet.',
  };
}

/** What a refused handshake says (`connect_error.data`), or null when it says nothing readable. */
export function parseHandshakeError(data: unknown): HandshakeErrorData | null {
  const parsed = HandshakeErrorDataSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
