import {
  DiskSchema,
  NetworkSectionSchema,
  SoftwareListSchema,
  SystemSectionSchema,
  type InventorySectionName,
  type InventorySections,
} from '@deskside/protocol';
import type { StoredSections } from '@deskside/store';

export type SystemSection = NonNullable<InventorySections['system']>;
export type Disk = NonNullable<InventorySections['disks']>[number];
export type NetworkAdapter = NonNullable<InventorySections['network']>['adapters'][number];
export type SoftwareEntry = NonNullable<InventorySections['software']>[number];

/** The inventory sections an export reads, each validated on its own; a bad one is left out. */
export interface ExportSections {
  system: SystemSection | null;
  disks: Disk[];
  adapters: NetworkAdapter[];
  software: SoftwareEntry[];
}

export type SectionName = 'system' | 'disks' | 'adapters' | 'software';

export const NO_SECTIONS: ExportSections = { system: null, disks: [], adapters: [], software: [] };

/** The stored document's section each export section comes from (adapters live in `network`). */
const STORED: Readonly<Record<SectionName, InventorySectionName>> = { system: 'system', disks: 'disks', adapters: 'network', software: 'software' };

/** The stored sections to read for these export sections. */
export function storedSections(wanted: ReadonlySet<SectionName>): InventorySectionName[] {
  return [...wanted].map((name) => STORED[name]);
}

/**
 * Validates the `wanted` sections read from the store (parsed JSON, not yet validated), each on
 * its own: a section that fails its schema must not sink the whole row.
 */
export function readSections(doc: StoredSections | undefined, wanted: ReadonlySet<SectionName>): ExportSections {
  if (doc === undefined) return NO_SECTIONS;
  const out: ExportSections = { system: null, disks: [], adapters: [], software: [] };
  if (wanted.has('system')) {
    const parsed = SystemSectionSchema.safeParse(doc['system']);
    if (parsed.success) out.system = parsed.data;
  }
  if (wanted.has('disks') && Array.isArray(doc['disks'])) {
    for (const item of doc['disks'].slice(0, 256)) {
      const parsed = DiskSchema.safeParse(item);
      if (parsed.success) out.disks.push(parsed.data);
    }
  }
  if (wanted.has('adapters')) {
    const parsed = NetworkSectionSchema.safeParse(doc['network']);
    if (parsed.success) out.adapters = parsed.data.adapters;
  }
  if (wanted.has('software')) {
    const parsed = SoftwareListSchema.safeParse(doc['software']);
    if (parsed.success) out.software = parsed.data;
  }
  return out;
}
