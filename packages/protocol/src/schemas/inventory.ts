import { z } from 'zod';
import { canonicalJson } from '../canonical-json.js';
import { MessageIdSchema } from '../ids.js';
import { LIMITS } from '../limits.js';
import { bytes, list, maybeText, text, Timestamp } from './common.js';
import {
  BatterySectionSchema,
  GraphicsListSchema,
  HardwareSectionSchema,
  MonitorListSchema,
  PrinterListSchema,
  UsbListSchema,
  WifiSchema,
} from './inventory-hardware.js';
import {
  SecuritySectionSchema,
  ServiceListSchema,
  SoftwareListSchema,
  StartupListSchema,
  UsersSectionSchema,
} from './inventory-software.js';

export * from './inventory-hardware.js';
export * from './inventory-software.js';
export * from './inventory-cadence.js';

/** A SHA-256 of the canonical JSON of an inventory document, hex. */
export const InventoryHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');

export const SystemSectionSchema = z.object({
  manufacturer: maybeText(),
  model: maybeText(),
  version: maybeText(),
  serial: maybeText(),
  uuid: maybeText(),
  sku: maybeText(),
  virtual: z.boolean().nullable(),
});

export const OsSectionSchema = z.object({
  platform: text(32),
  distro: maybeText(),
  release: maybeText(),
  build: maybeText(),
  codename: maybeText(),
  kernel: maybeText(),
  arch: maybeText(32),
  hostname: text(255),
  fqdn: maybeText(),
  timezone: maybeText(64),
  /** Uptime is not kept here (it changes every second and would change the hash); heartbeats carry it. */
  lastBootAt: Timestamp.nullable(),
  /** When the OS was installed (Windows systeminfo, Linux root file system birth); absent from older agents. */
  installedAt: Timestamp.nullable().optional(),
  /** Windows/AD domain (or Kerberos realm), or the workgroup when not domain-joined. */
  domain: maybeText().optional(),
  workgroup: maybeText().optional(),
});

export const CpuSectionSchema = z.object({
  manufacturer: maybeText(),
  brand: maybeText(),
  cores: z.number().int().nonnegative().max(4096),
  physicalCores: z.number().int().nonnegative().max(4096),
  speedGHz: z.number().nonnegative().max(100).nullable(),
});

export const MemoryModuleSchema = z.object({
  slot: maybeText(),
  sizeBytes: bytes(),
  type: maybeText(32),
  speedMHz: z.number().nonnegative().max(100_000).nullable(),
  manufacturer: maybeText(),
  serial: maybeText(),
});

export const MemorySectionSchema = z.object({
  totalBytes: bytes(),
  modules: list(MemoryModuleSchema),
});

export const DiskSchema = z.object({
  device: maybeText(),
  model: maybeText(),
  serial: maybeText(),
  sizeBytes: bytes().nullable(),
  type: maybeText(32),
  interface: maybeText(32),
  smartStatus: z.enum(['ok', 'failing', 'unknown']),
});

export const VolumeSchema = z.object({
  mount: text(LIMITS.shortText),
  fs: maybeText(64),
  label: maybeText(),
  sizeBytes: bytes(),
  usedBytes: bytes(),
  removable: z.boolean().nullable(),
  encrypted: z.boolean().nullable(),
});

export const NetworkAdapterSchema = z.object({
  name: text(),
  mac: maybeText(64),
  ipv4: list(text(64), LIMITS.addresses),
  ipv6: list(text(128), LIMITS.addresses),
  type: z.enum(['wired', 'wireless', 'virtual', 'other']),
  speedMbps: z.number().nonnegative().max(10_000_000).nullable(),
  dhcp: z.boolean().nullable(),
  isDefault: z.boolean(),
});

export const NetworkSectionSchema = z.object({
  adapters: list(NetworkAdapterSchema),
  defaultGateway: maybeText(64),
  dnsServers: list(text(64), LIMITS.addresses),
  /** The Wi-Fi network the PC is on now; absent when not on Wi-Fi or not readable. */
  wifi: WifiSchema.nullable().optional(),
});

/** How one collector fared in a run: how long it took, and why a section is missing if it is. */
export const ProbeReportSchema = z.object({
  section: text(64),
  ms: z.number().nonnegative().max(3_600_000),
  status: z.enum(['ok', 'unknown']),
  reason: maybeText(LIMITS.longText),
});
export type ProbeReport = z.infer<typeof ProbeReportSchema>;

/**
 * The inventory document. Each section is optional: a probe that fails or is not permitted leaves
 * its section out and says why in `probes`, and the rest of the document still goes out.
 */
export const InventorySectionsSchema = z.object({
  system: SystemSectionSchema.optional(),
  os: OsSectionSchema.optional(),
  cpu: CpuSectionSchema.optional(),
  memory: MemorySectionSchema.optional(),
  disks: list(DiskSchema).optional(),
  volumes: list(VolumeSchema).optional(),
  network: NetworkSectionSchema.optional(),
  // Added with issue 4 (the richer inventory); all optional so older agents stay valid.
  hardware: HardwareSectionSchema.optional(),
  graphics: GraphicsListSchema.optional(),
  monitors: MonitorListSchema.optional(),
  battery: BatterySectionSchema.optional(),
  printers: PrinterListSchema.optional(),
  usbDevices: UsbListSchema.optional(),
  users: UsersSectionSchema.optional(),
  software: SoftwareListSchema.optional(),
  security: SecuritySectionSchema.optional(),
  services: ServiceListSchema.optional(),
  startupItems: StartupListSchema.optional(),
});
export type InventorySections = z.infer<typeof InventorySectionsSchema>;
export type InventorySectionName = keyof InventorySections;
export const INVENTORY_SECTIONS = InventorySectionsSchema.keyof().options;

export const InventoryDocumentSchema = InventorySectionsSchema.extend({
  schemaVersion: z.literal(1),
  collectedAt: Timestamp,
  agentVersion: text(64),
  probes: list(ProbeReportSchema, 128),
});
export type InventoryDocument = z.infer<typeof InventoryDocumentSchema>;

/** `inventory:offer`: the agent names the hash of its current document. */
export const InventoryOfferSchema = z.object({
  id: MessageIdSchema,
  hash: InventoryHashSchema,
});
export type InventoryOffer = z.infer<typeof InventoryOfferSchema>;

/** The hub's answer to an offer: `current` (nothing to send) or `wanted`, with the hash it holds. */
export const InventoryOfferAckSchema = z.object({
  status: z.enum(['current', 'wanted']),
  knownHash: InventoryHashSchema.nullable(),
});
export type InventoryOfferAck = z.infer<typeof InventoryOfferAckSchema>;

/** `inventory:full`: the whole document. */
export const InventoryFullSchema = z.object({
  id: MessageIdSchema,
  hash: InventoryHashSchema,
  document: InventoryDocumentSchema,
});
export type InventoryFull = z.infer<typeof InventoryFullSchema>;

/**
 * `inventory:delta`: the sections that changed since `baseHash`, replaced whole; the hub applies it
 * only onto `baseHash` and checks that the result hashes to `hash`, else answers
 * `inventory_base_mismatch` and the agent sends the full document.
 */
export const InventoryDeltaSchema = z.object({
  id: MessageIdSchema,
  baseHash: InventoryHashSchema,
  hash: InventoryHashSchema,
  set: InventoryDocumentSchema.partial(),
  remove: list(z.enum(INVENTORY_SECTIONS), 64),
});
export type InventoryDelta = z.infer<typeof InventoryDeltaSchema>;

export const InventoryStoredAckSchema = z.object({ hash: InventoryHashSchema });
export type InventoryStoredAck = z.infer<typeof InventoryStoredAckSchema>;

/**
 * The text whose SHA-256 is an inventory's hash: the canonical JSON of its sections only. When and
 * how fast it was collected (`collectedAt`, `probes`) is left out, so an unchanged PC hashes the same
 * every run and the hub is not sent the same document again.
 */
export function inventoryHashInput(document: InventoryDocument): string {
  const { collectedAt: _collectedAt, probes: _probes, ...content } = document;
  return canonicalJson(content);
}
