import { EXPORT_COLUMNS, type DeviceSummary, type ExportColumn } from '@deskside/protocol';
import type { CellValue } from './csv.js';
import type { Disk, ExportSections, NetworkAdapter, SoftwareEntry } from './sections.js';

/** One device as exported: its summary (with asset fields) and the inventory sections read. */
export interface ExportDevice {
  summary: DeviceSummary;
  sections: ExportSections;
}

export interface ColumnDef<Row> {
  key: string;
  header: string;
  /** Characters, for XLSX column widths. */
  width: number;
  value: (row: Row) => CellValue;
}

const a = (row: ExportDevice) => row.summary.asset;

/** Every devices-section column, keyed by its `columns=` name (the whitelist). */
export const DEVICE_COLUMNS: Readonly<Record<ExportColumn, ColumnDef<ExportDevice>>> = {
  id: { key: 'id', header: 'Device id', width: 28, value: (r) => r.summary.id },
  hostname: { key: 'hostname', header: 'Hostname', width: 24, value: (r) => r.summary.hostname },
  status: { key: 'status', header: 'Status', width: 12, value: (r) => r.summary.status },
  lastSeen: { key: 'lastSeen', header: 'Last seen (UTC)', width: 22, value: (r) => r.summary.lastSeen },
  os: { key: 'os', header: 'Operating system', width: 30, value: (r) => r.summary.os },
  cpu: { key: 'cpu', header: 'CPU', width: 30, value: (r) => r.summary.cpu },
  ramBytes: { key: 'ramBytes', header: 'RAM (bytes)', width: 16, value: (r) => r.summary.ramBytes },
  diskUsedBytes: { key: 'diskUsedBytes', header: 'Disk used (bytes)', width: 18, value: (r) => r.summary.diskUsedBytes },
  diskTotalBytes: { key: 'diskTotalBytes', header: 'Disk total (bytes)', width: 18, value: (r) => r.summary.diskTotalBytes },
  ip: { key: 'ip', header: 'IP address', width: 16, value: (r) => r.summary.ip },
  enrolledAt: { key: 'enrolledAt', header: 'Enrolled (UTC)', width: 22, value: (r) => r.summary.enrolledAt },
  manufacturer: { key: 'manufacturer', header: 'Manufacturer', width: 18, value: (r) => r.sections.system?.manufacturer ?? null },
  model: { key: 'model', header: 'Model', width: 22, value: (r) => r.sections.system?.model ?? null },
  serial: { key: 'serial', header: 'Serial number', width: 20, value: (r) => r.sections.system?.serial ?? null },
  assetTag: { key: 'assetTag', header: 'Asset tag', width: 14, value: (r) => a(r)?.assetTag ?? null },
  assignedTo: { key: 'assignedTo', header: 'Assigned to', width: 20, value: (r) => a(r)?.assignedTo ?? null },
  department: { key: 'department', header: 'Department', width: 16, value: (r) => a(r)?.department ?? null },
  location: { key: 'location', header: 'Location', width: 16, value: (r) => a(r)?.location ?? null },
  purchaseDate: { key: 'purchaseDate', header: 'Purchase date', width: 13, value: (r) => a(r)?.purchaseDate ?? null },
  supplier: { key: 'supplier', header: 'Supplier', width: 16, value: (r) => a(r)?.supplier ?? null },
  warrantyEnd: { key: 'warrantyEnd', header: 'Warranty end', width: 13, value: (r) => a(r)?.warrantyEnd ?? null },
  lifecycle: { key: 'lifecycle', header: 'Lifecycle', width: 11, value: (r) => a(r)?.lifecycle ?? null },
  notes: { key: 'notes', header: 'Notes', width: 40, value: (r) => a(r)?.notes ?? null },
};

/** Columns that need the inventory document (the rest come from the devices table). */
const NEEDS_SYSTEM: ReadonlySet<ExportColumn> = new Set(['manufacturer', 'model', 'serial']);

export function deviceColumns(chosen: readonly ExportColumn[] | undefined): ColumnDef<ExportDevice>[] {
  return (chosen ?? EXPORT_COLUMNS).map((c) => DEVICE_COLUMNS[c]);
}

export function columnsNeedSystem(chosen: readonly ExportColumn[] | undefined): boolean {
  return (chosen ?? EXPORT_COLUMNS).some((c) => NEEDS_SYSTEM.has(c));
}

/** A row of a per-item sheet: the device it belongs to, and the item. */
export interface ItemRow<T> {
  summary: DeviceSummary;
  item: T;
}

const owner = <T>(): ColumnDef<ItemRow<T>>[] => [
  { key: 'deviceId', header: 'Device id', width: 28, value: (r) => r.summary.id },
  { key: 'hostname', header: 'Hostname', width: 24, value: (r) => r.summary.hostname },
  { key: 'assetTag', header: 'Asset tag', width: 14, value: (r) => r.summary.asset?.assetTag ?? null },
];

export const DISK_COLUMNS: ColumnDef<ItemRow<Disk>>[] = [
  ...owner<Disk>(),
  { key: 'device', header: 'Disk', width: 16, value: (r) => r.item.device },
  { key: 'model', header: 'Model', width: 28, value: (r) => r.item.model },
  { key: 'serial', header: 'Serial number', width: 22, value: (r) => r.item.serial },
  { key: 'sizeBytes', header: 'Size (bytes)', width: 18, value: (r) => r.item.sizeBytes },
  { key: 'type', header: 'Type', width: 10, value: (r) => r.item.type },
  { key: 'interface', header: 'Interface', width: 10, value: (r) => r.item.interface },
  { key: 'smartStatus', header: 'SMART', width: 9, value: (r) => r.item.smartStatus },
];

export const ADAPTER_COLUMNS: ColumnDef<ItemRow<NetworkAdapter>>[] = [
  ...owner<NetworkAdapter>(),
  { key: 'name', header: 'Adapter', width: 20, value: (r) => r.item.name },
  { key: 'type', header: 'Type', width: 10, value: (r) => r.item.type },
  { key: 'mac', header: 'MAC address', width: 19, value: (r) => r.item.mac },
  { key: 'ipv4', header: 'IPv4', width: 18, value: (r) => r.item.ipv4.join('; ') },
  { key: 'ipv6', header: 'IPv6', width: 30, value: (r) => r.item.ipv6.join('; ') },
  { key: 'speedMbps', header: 'Speed (Mbit/s)', width: 14, value: (r) => r.item.speedMbps },
  { key: 'dhcp', header: 'DHCP', width: 7, value: (r) => r.item.dhcp },
  { key: 'isDefault', header: 'Default route', width: 13, value: (r) => r.item.isDefault },
];

export const SOFTWARE_COLUMNS: ColumnDef<ItemRow<SoftwareEntry>>[] = [
  ...owner<SoftwareEntry>(),
  { key: 'name', header: 'Application', width: 36, value: (r) => r.item.name },
  { key: 'version', header: 'Version', width: 16, value: (r) => r.item.version },
  { key: 'publisher', header: 'Publisher', width: 24, value: (r) => r.item.publisher },
  { key: 'installDate', header: 'Installed', width: 12, value: (r) => r.item.installDate },
  { key: 'source', header: 'Source', width: 12, value: (r) => r.item.source },
  { key: 'arch', header: 'Architecture', width: 12, value: (r) => r.item.arch },
];
