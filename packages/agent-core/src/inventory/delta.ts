import {
  INVENTORY_SECTIONS,
  canonicalJson,
  type InventoryDelta,
  type InventoryDocument,
  type InventorySectionName,
} from '@deskside/protocol';

/** The body of an `inventory:delta` without its id and hashes. */
export type InventoryChanges = Pick<InventoryDelta, 'set' | 'remove'>;

/**
 * What turns `base` into `next`: sections that differ (or appeared) go in `set` whole, sections
 * that vanished go in `remove`. The document's own fields (agentVersion, schemaVersion) travel in
 * `set` when they change; `collectedAt` and `probes` always do, so the hub stores the latest run.
 */
export function buildDelta(base: InventoryDocument, next: InventoryDocument): InventoryChanges {
  const set: Record<string, unknown> = { collectedAt: next.collectedAt, probes: next.probes };
  const remove: InventorySectionName[] = [];
  for (const section of INVENTORY_SECTIONS) {
    const before = base[section];
    const after = next[section];
    if (after === undefined) {
      if (before !== undefined) remove.push(section);
    } else if (before === undefined || canonicalJson(before) !== canonicalJson(after)) {
      set[section] = after;
    }
  }
  if (base.agentVersion !== next.agentVersion) set['agentVersion'] = next.agentVersion;
  if (base.schemaVersion !== next.schemaVersion) set['schemaVersion'] = next.schemaVersion;
  return { set: set as InventoryChanges['set'], remove };
}

/** Applies a delta the way the hub does; used to check that a delta reproduces `next`. */
export function applyDelta(base: InventoryDocument, changes: InventoryChanges): InventoryDocument {
  const out: Record<string, unknown> = { ...base, ...changes.set };
  for (const section of changes.remove) delete out[section];
  return out as InventoryDocument;
}

/** Whether a delta carries any section change at all. */
export function hasSectionChanges(changes: InventoryChanges): boolean {
  return changes.remove.length > 0 || INVENTORY_SECTIONS.some((s) => changes.set[s] !== undefined);
}
