import { hash } from 'node:crypto';
import type { Heartbeat } from '@deskside/protocol';
import { payloadHash } from './inventory-hash.js';

const TOP_KEYS = 3;
const METRIC_KEYS = 6;

/**
 * `payloadHash(heartbeat)` computed without the generic canonical-JSON walk (sorting keys of every
 * object) and with the one-shot hash: the heartbeat's shape is fixed, so its canonical form is
 * built directly, keys in sorted order. The bytes, hence the hash, are exactly the generic one's
 * (a test holds them equal), so stored hashes from before stay comparable. A payload with any other
 * shape (a newer protocol with more fields) falls back to the generic function.
 */
export function heartbeatHash(payload: Heartbeat): string {
  const m = payload.metrics;
  if (Object.keys(payload).length !== TOP_KEYS || Object.keys(m).length !== METRIC_KEYS) return payloadHash(payload);
  const canonical = JSON.stringify({
    id: payload.id,
    metrics: {
      cpuPercent: m.cpuPercent,
      diskTotalBytes: m.diskTotalBytes,
      diskUsedBytes: m.diskUsedBytes,
      memTotalBytes: m.memTotalBytes,
      memUsedBytes: m.memUsedBytes,
      uptimeSeconds: m.uptimeSeconds,
    },
    sentAt: payload.sentAt,
  });
  return hash('sha256', canonical, 'hex');
}
