import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { bytes, list, maybeText, text } from './common.js';

// Hardware sections beyond `system`: firmware, board, graphics, monitors, battery, printers, USB.
// Every field is nullable (a probe that cannot read it says null) and every string is capped.

/** Firmware, board and enclosure: what GLPI calls "BIOS" and "chassis". */
export const HardwareSectionSchema = z.object({
  /** SMBIOS chassis type in words: "Notebook", "Desktop", "Rack Mount Chassis", … */
  chassisType: maybeText(64),
  assetTag: maybeText(),
  biosVendor: maybeText(),
  biosVersion: maybeText(),
  /** As the firmware prints it (often MM/DD/YYYY); ISO when the collector could tell. */
  biosDate: maybeText(64),
  baseboardManufacturer: maybeText(),
  baseboardModel: maybeText(),
  baseboardSerial: maybeText(),
  /** UEFI Secure Boot: true on, false off, null unknown or legacy BIOS. */
  secureBoot: z.boolean().nullable(),
});
export type HardwareSection = z.infer<typeof HardwareSectionSchema>;

export const GraphicsAdapterSchema = z.object({
  model: maybeText(),
  vendor: maybeText(),
  vramBytes: bytes().nullable(),
  bus: maybeText(64),
  driverVersion: maybeText(128),
});
export type GraphicsAdapter = z.infer<typeof GraphicsAdapterSchema>;

export const MonitorSchema = z.object({
  manufacturer: maybeText(),
  model: maybeText(),
  /** From EDID where the OS exposes it. */
  serial: maybeText(),
  /** "2560x1440": the native resolution, not the current mode (that would churn the hash). */
  resolution: maybeText(32),
  builtIn: z.boolean().nullable(),
  connection: maybeText(64),
});
export type Monitor = z.infer<typeof MonitorSchema>;

/**
 * The battery's wear, not its charge: charge % and time remaining change every minute and would
 * change the inventory hash every run, so they are left out on purpose.
 */
export const BatterySectionSchema = z.object({
  manufacturer: maybeText(),
  model: maybeText(),
  serial: maybeText(),
  chemistry: maybeText(64),
  /** Capacities in the unit the OS reports (mWh on Windows/Linux, mAh on macOS). */
  capacityUnit: z.enum(['mWh', 'mAh']).nullable(),
  designCapacity: z.number().nonnegative().max(10_000_000).nullable(),
  fullCapacity: z.number().nonnegative().max(10_000_000).nullable(),
  cycleCount: z.number().int().nonnegative().max(1_000_000).nullable(),
  /** fullCapacity / designCapacity, 0–200 (a new cell may report slightly above 100). */
  healthPercent: z.number().nonnegative().max(200).nullable(),
});
export type BatterySection = z.infer<typeof BatterySectionSchema>;

export const PrinterSchema = z.object({
  name: text(),
  driver: maybeText(),
  port: maybeText(),
  isDefault: z.boolean().nullable(),
  shared: z.boolean().nullable(),
  network: z.boolean().nullable(),
});
export type Printer = z.infer<typeof PrinterSchema>;

export const UsbDeviceSchema = z.object({
  name: maybeText(),
  manufacturer: maybeText(),
  /** Four hex digits. */
  vendorId: maybeText(16),
  productId: maybeText(16),
  serial: maybeText(),
  deviceClass: maybeText(64),
});
export type UsbDevice = z.infer<typeof UsbDeviceSchema>;

/** Current Wi-Fi network. Signal strength is left out: it changes every run (heartbeats carry it: `MetricsSample.wifi`). */
export const WifiSchema = z.object({
  ssid: maybeText(64),
  bssid: maybeText(64),
  security: maybeText(64),
  /** MHz band/channel: stable while connected to one access point. */
  channel: z.number().int().nonnegative().max(1000).nullable(),
});
export type Wifi = z.infer<typeof WifiSchema>;

export const GraphicsListSchema = list(GraphicsAdapterSchema, 32);
export const MonitorListSchema = list(MonitorSchema, 32);
export const PrinterListSchema = list(PrinterSchema, LIMITS.inventoryList);
export const UsbListSchema = list(UsbDeviceSchema, LIMITS.inventoryList);
