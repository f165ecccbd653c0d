import si from 'systeminformation';
import type { InventorySections } from '@deskside/protocol';
import { LIMITS } from '@deskside/protocol';
import { byteCount, measure, text } from './normalize.js';

/** Installed memory and its modules (empty slots are left out). */
export async function collectMemory(): Promise<NonNullable<InventorySections['memory']>> {
  const [mem, layout] = await Promise.all([si.mem(), si.memLayout()]);
  const modules = layout
    .map((m) => ({
      slot: text(m.bank),
      sizeBytes: byteCount(m.size) ?? 0,
      type: text(m.type, 32),
      speedMHz: measure(m.clockSpeed, 100_000),
      manufacturer: text(m.manufacturer),
      serial: text(m.serialNum),
    }))
    .filter((m) => m.sizeBytes > 0)
    .slice(0, LIMITS.inventoryList);
  return { totalBytes: byteCount(mem.total) ?? 0, modules };
}
