import { newId, type InventoryDocument } from '@deskside/protocol';
import type { Repositories } from '@deskside/store';
import { diffInventories } from './diff.js';

/**
 * Computes what changed between the stored and the new document and writes the change rows in
 * the caller's transaction (the same one that stores the document), so history and inventory
 * cannot disagree. Answers the changes written (for the hub's watched-field check, after commit).
 */
export async function recordInventoryChanges(
  tx: Repositories,
  deviceId: string,
  before: InventoryDocument | undefined,
  after: InventoryDocument,
  at: Date,
  ids: () => string = newId,
): Promise<ReadonlyArray<{ section: string; kind: string; summary: string }>> {
  const drafts = diffInventories(before, after);
  if (drafts.length === 0) return [];
  await tx.changes.insertMany(drafts.map((d) => ({ ...d, id: ids(), deviceId, at, before: d.before ?? null, after: d.after ?? null })));
  return drafts;
}
