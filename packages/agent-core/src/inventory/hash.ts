import { createHash } from 'node:crypto';
import { inventoryHashInput, type InventoryDocument } from '@deskside/protocol';

/** The inventory's content hash, as the hub computes it: SHA-256 hex of `inventoryHashInput`. */
export function inventoryHash(document: InventoryDocument): string {
  return createHash('sha256').update(inventoryHashInput(document), 'utf8').digest('hex');
}
