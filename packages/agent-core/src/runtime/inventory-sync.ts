import { newId, type InventoryDocument } from '@deskside/protocol';
import type { HubConnection } from '../connection/hub-connection.js';
import type { AckedInventoryStore } from '../inventory/acked-inventory.js';
import { buildDelta } from '../inventory/delta.js';
import { inventoryHash } from '../inventory/hash.js';

/** How an inventory round ended. */
export type InventorySyncResult =
  | { outcome: 'current' | 'full' | 'delta'; hash: string }
  | { outcome: 'failed'; code: string; message: string };

/**
 * One inventory round: offer the hash; if the hub wants it, send a delta from the document it last
 * acknowledged (when it still holds that one) or the full document; a delta refused with
 * `inventory_base_mismatch` falls back to full. The acknowledged document becomes the next base.
 */
export async function syncInventory(
  document: InventoryDocument,
  connection: HubConnection,
  acked: AckedInventoryStore,
  timeoutMs: number,
  ids: () => string = () => newId(),
): Promise<InventorySyncResult> {
  const hash = inventoryHash(document);
  const offer = await connection.send('inventory:offer', { id: ids(), hash }, timeoutMs);
  if (!offer.ok) return { outcome: 'failed', ...offer.error };
  const base = await acked.load();
  if (offer.data.status === 'current') {
    if (base?.hash !== hash) await acked.save(document);
    return { outcome: 'current', hash };
  }
  if (base && offer.data.knownHash === base.hash && base.hash !== hash) {
    const changes = buildDelta(base.document, document);
    const delta = await connection.send('inventory:delta', { id: ids(), baseHash: base.hash, hash, ...changes }, timeoutMs);
    if (delta.ok && delta.data.hash === hash) {
      await acked.save(document);
      return { outcome: 'delta', hash };
    }
    if (delta.ok) return { outcome: 'failed', code: 'invalid_payload', message: 'hub acknowledged another hash' };
    if (delta.error.code !== 'inventory_base_mismatch') return { outcome: 'failed', ...delta.error };
  }
  const full = await connection.send('inventory:full', { id: ids(), hash, document }, timeoutMs);
  if (!full.ok) return { outcome: 'failed', ...full.error };
  if (full.data.hash !== hash) return { outcome: 'failed', code: 'invalid_payload', message: 'hub acknowledged another hash' };
  await acked.save(document);
  return { outcome: 'full', hash };
}
