import { LIMITS, type InventoryDocument } from '@deskside/protocol';
import type { DeviceSummaryFields } from '@deskside/store';

/** The fleet-list columns an inventory document implies, plus the hostname it reports. */
export interface InventorySummary {
  hostname: string | null;
  fields: DeviceSummaryFields;
}

/**
 * Derives the denormalized fleet-list fields from an inventory document. Every value stays within
 * the bounds of `DeviceSummarySchema` even when a hostile document is at its own limits.
 */
export function summaryFromInventory(doc: InventoryDocument): InventorySummary {
  const volumes = doc.volumes;
  return {
    hostname: doc.os?.hostname ? doc.os.hostname.slice(0, 255) : null,
    fields: {
      os: osText(doc),
      cpu: doc.cpu?.brand ?? null,
      ramBytes: doc.memory ? doc.memory.totalBytes : null,
      diskTotalBytes: volumes ? clampBytes(volumes.reduce((sum, v) => sum + v.sizeBytes, 0)) : null,
      diskUsedBytes: volumes ? clampBytes(volumes.reduce((sum, v) => sum + v.usedBytes, 0)) : null,
      ip: defaultIpv4(doc),
    },
  };
}

/** "Ubuntu 22.04.4 LTS": distro then release, unless the distro already says it. */
function osText(doc: InventoryDocument): string | null {
  const os = doc.os;
  if (!os) return null;
  const distro = os.distro?.trim() || os.platform.trim();
  const release = os.release?.trim();
  const text = release && !distro.includes(release) ? `${distro} ${release}` : distro;
  return text ? text.slice(0, LIMITS.shortText) : null;
}

function defaultIpv4(doc: InventoryDocument): string | null {
  const adapters = doc.network?.adapters ?? [];
  const preferred = adapters.find((a) => a.isDefault && a.ipv4.length > 0) ?? adapters.find((a) => a.ipv4.length > 0);
  return preferred?.ipv4[0] ?? null;
}

function clampBytes(n: number): number {
  return Math.min(n, LIMITS.maxBytes);
}
