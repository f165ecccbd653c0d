import { createHash } from 'node:crypto';
import {
  InventoryDocumentSchema,
  canonicalJson,
  inventoryHashInput,
  type InventoryDelta,
  type InventoryDocument,
} from '@deskside/protocol';

/** SHA-256 hex of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash both ends agree on for an inventory document (its sections only). */
export function inventoryHash(doc: InventoryDocument): string {
  return sha256Hex(inventoryHashInput(doc));
}

/** The idempotency fingerprint of a parsed payload: same logical message, same hash. */
export function payloadHash(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}

/**
 * Applies a delta onto a stored document: removed sections go, `set` replaces whole sections and
 * header fields. Answers undefined when the result is not a valid document.
 */
export function applyInventoryDelta(base: InventoryDocument, delta: InventoryDelta): InventoryDocument | undefined {
  const next: Record<string, unknown> = { ...base };
  for (const section of delta.remove) delete next[section];
  for (const [key, value] of Object.entries(delta.set)) {
    if (value !== undefined) next[key] = value;
  }
  const parsed = InventoryDocumentSchema.safeParse(next);
  return parsed.success ? parsed.data : undefined;
}
