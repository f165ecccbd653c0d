import { byteCount, cut } from '../collectors/normalize.js';
import { isNetworkFs, isRealVolume } from '../collectors/volume-filter.js';
import { sharedFsSize } from '../collectors/fs-size.js';
import type { VolumeUsage } from './types.js';

/** Per-volume use of local, real volumes, for the disk-free check on every heartbeat; null on failure. */
export async function sampleVolumes(timeoutMs = 5_000): Promise<VolumeUsage[] | null> {
  try {
    const sizes = await sharedFsSize(timeoutMs);
    const seen = new Set<string>();
    const out: VolumeUsage[] = [];
    for (const f of sizes) {
      if (!isRealVolume(f.type, f.mount) || isNetworkFs(f.type, f.fs) || seen.has(f.fs)) continue;
      seen.add(f.fs);
      const size = byteCount(f.size) ?? 0;
      if (size <= 0) continue;
      out.push({ mount: cut(f.mount, 256), sizeBytes: size, usedBytes: Math.min(size, byteCount(f.used) ?? 0) });
    }
    return out;
  } catch {
    return null;
  }
}
