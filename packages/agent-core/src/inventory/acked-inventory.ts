import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InventoryDocumentSchema, InventoryHashSchema, type InventoryDocument } from '@deskside/protocol';
import { ensurePrivateDir, writeFileAtomic } from '../util/atomic-file.js';
import { inventoryHash } from './hash.js';

const AckedSchema = z.object({ hash: InventoryHashSchema, document: InventoryDocumentSchema });

/** The document the hub last acknowledged, and its hash: the base of the next delta. */
export interface AckedInventory {
  hash: string;
  document: InventoryDocument;
}

export const ACKED_INVENTORY_FILE = 'inventory-acked.json';

/**
 * Remembers, in `<stateDir>/inventory-acked.json`, the last document the hub stored, so deltas
 * keep working across agent restarts. A missing, unreadable or tampered file just means "send full".
 */
export class AckedInventoryStore {
  private readonly path: string;
  private cached: AckedInventory | null | undefined;

  constructor(private readonly stateDir: string) {
    this.path = join(stateDir, ACKED_INVENTORY_FILE);
  }

  async load(): Promise<AckedInventory | null> {
    if (this.cached !== undefined) return this.cached;
    try {
      const parsed = AckedSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      // The hash is recomputed so a hand-edited file cannot become a wrong delta base.
      this.cached = parsed.success && inventoryHash(parsed.data.document) === parsed.data.hash ? parsed.data : null;
    } catch {
      this.cached = null;
    }
    return this.cached;
  }

  async save(document: InventoryDocument): Promise<AckedInventory> {
    const acked = { hash: inventoryHash(document), document };
    await ensurePrivateDir(this.stateDir);
    await writeFileAtomic(this.path, JSON.stringify(acked));
    this.cached = acked;
    return acked;
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
    this.cached = null;
  }
}
