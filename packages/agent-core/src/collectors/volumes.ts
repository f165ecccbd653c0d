import si from 'systeminformation';
import type { InventorySections } from '@deskside/protocol';
import { LIMITS } from '@deskside/protocol';
import { byteCount, cut, text } from './normalize.js';
import { isRealVolume } from './volume-filter.js';

type Volume = NonNullable<InventorySections['volumes']>[number];

/** Mounted, real volumes with their size and use; pseudo file systems are dropped. */
export async function collectVolumes(): Promise<NonNullable<InventorySections['volumes']>> {
  const [sizes, blocks] = await Promise.all([si.fsSize(), si.blockDevices().catch(() => [])]);
  const out: Volume[] = [];
  const seen = new Set<string>();
  for (const f of sizes) {
    if (!isRealVolume(f.type, f.mount) || seen.has(f.mount)) continue;
    const sizeBytes = byteCount(f.size);
    if (!sizeBytes) continue;
    seen.add(f.mount);
    const block = blocks.find((b) => (b.mount !== '' && b.mount === f.mount) || b.device === f.fs || `/dev/${b.name}` === f.fs);
    out.push({
      mount: cut(f.mount, LIMITS.shortText),
      fs: text(f.type, 64),
      label: text(block?.label),
      sizeBytes,
      usedBytes: Math.min(byteCount(f.used) ?? 0, sizeBytes),
      removable: block ? block.removable : null,
      // Only a visible dm-crypt/LUKS layer counts as "yes"; anything else is not known here.
      encrypted: block && (block.type === 'crypt' || block.fsType === 'crypto_LUKS') ? true : null,
    });
    if (out.length >= LIMITS.inventoryList) break;
  }
  return out;
}
