import { LIMITS, type InventoryDocument, type ProbeReport } from '@deskside/protocol';
import { unknownReport } from './run-collector.js';

// Room for the envelope (`inventory:full` id, hash, socket.io framing).
const ENVELOPE_BYTES = 16 * 1024;

/**
 * Keeps a document inside one socket message: an honest agent never trips the hub's limit. The
 * longest lists (software, then services) are cut from the end until it fits, and the probe report
 * says so. Sizes are UTF-8 bytes of the JSON, as sent.
 */
export function fitToMessage(doc: InventoryDocument, maxBytes: number = LIMITS.socketMessageBytes - ENVELOPE_BYTES): InventoryDocument {
  const size = (d: InventoryDocument) => Buffer.byteLength(JSON.stringify(d), 'utf8');
  let total = size(doc);
  if (total <= maxBytes) return doc;
  let out: InventoryDocument = { ...doc };
  for (const key of ['software', 'services'] as const) {
    const list = out[key];
    if (!list || list.length === 0) continue;
    const perItem = Buffer.byteLength(JSON.stringify(list), 'utf8') / list.length;
    const keep = Math.max(0, list.length - Math.ceil((total - maxBytes) / perItem) - 1);
    const report: ProbeReport = unknownReport(key, 0, `cut to ${keep} of ${list.length} entries to fit one message (${maxBytes} bytes)`);
    out = { ...out, [key]: list.slice(0, keep), probes: [...out.probes.filter((p) => p.section !== key), { ...report, status: 'ok' }] };
    total = size(out);
    if (total <= maxBytes) return out;
  }
  return out;
}
