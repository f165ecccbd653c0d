import { z } from 'zod';
import type { InventorySectionName } from './inventory.js';

/**
 * Inventory cadence by group of sections, not one big scan: what changes often (disks, volumes,
 * network, users) is read every few minutes, software and hardware hourly or on change, and the
 * whole document once a day. Pushed by the hub in `AgentPolicy.inventoryIntervals`; every field is
 * optional and an agent falls back to {@link DEFAULT_INVENTORY_INTERVALS}.
 */
export const InventoryIntervalsSchema = z.object({
  volatileSeconds: z.number().int().min(60).max(24 * 3600).optional(),
  softwareSeconds: z.number().int().min(300).max(7 * 24 * 3600).optional(),
  hardwareSeconds: z.number().int().min(300).max(7 * 24 * 3600).optional(),
  fullSeconds: z.number().int().min(3600).max(30 * 24 * 3600).optional(),
});
export type InventoryIntervals = z.infer<typeof InventoryIntervalsSchema>;

export type InventoryGroup = 'volatile' | 'software' | 'hardware';

export const DEFAULT_INVENTORY_INTERVALS: Required<InventoryIntervals> = {
  volatileSeconds: 300,
  softwareSeconds: 3600,
  hardwareSeconds: 3600,
  fullSeconds: 24 * 3600,
};

/** Which cadence group each section belongs to. */
export const INVENTORY_SECTION_GROUPS: Readonly<Record<InventorySectionName, InventoryGroup>> = {
  disks: 'volatile',
  volumes: 'volatile',
  network: 'volatile',
  users: 'volatile',
  software: 'software',
  services: 'software',
  startupItems: 'software',
  security: 'software',
  system: 'hardware',
  hardware: 'hardware',
  os: 'hardware',
  cpu: 'hardware',
  memory: 'hardware',
  graphics: 'hardware',
  monitors: 'hardware',
  battery: 'hardware',
  printers: 'hardware',
  usbDevices: 'hardware',
};

/** The interval of a group under a (possibly partial) policy, in seconds. */
export function groupIntervalSeconds(group: InventoryGroup, intervals: InventoryIntervals | undefined): number {
  const merged = { ...DEFAULT_INVENTORY_INTERVALS, ...stripUndefined(intervals ?? {}) };
  if (group === 'volatile') return merged.volatileSeconds;
  if (group === 'software') return merged.softwareSeconds;
  return merged.hardwareSeconds;
}

function stripUndefined(o: InventoryIntervals): InventoryIntervals {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
