import type { InventoryDocument } from '@deskside/protocol';
import type { Repositories } from '@deskside/store';

// Values vendors ship where a serial or model should be: never used to match two devices.
const JUNK = new Set([
  'to be filled by o.e.m.',
  'to be filled by oem',
  'default string',
  'system serial number',
  'system product name',
  'not specified',
  'not applicable',
  'none',
  'n/a',
  'na',
  'unknown',
  'invalid',
  'chassis serial number',
  'base board serial number',
  'serial number',
  '0123456789',
  '1234567890',
  'oem',
  'o.e.m.',
  'sn12345678',
  'xxxxxxxxxx',
]);

/** True when the value can tell one machine from another (not empty, not a placeholder, not 000…). */
export function usableIdentifier(value: string | null | undefined): value is string {
  if (value === null || value === undefined) return false;
  const v = value.trim();
  if (v.length < 3 || JUNK.has(v.toLowerCase().replace(/\s+/g, ' '))) return false;
  const compact = v.replace(/[\s.:_-]/g, '');
  return !/^(.)\1*$/.test(compact);
}

/** A usable MAC (not all zeros, not multicast), lower-case with colons. */
export function usableMac(mac: string | null | undefined): string | undefined {
  const hex = (mac ?? '').replace(/[:-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(hex) || /^0+$/.test(hex) || (Number.parseInt(hex.slice(0, 2), 16) & 1) === 1) return undefined;
  return hex.match(/../g)?.join(':');
}

/** The hardware identity a reinstall keeps: "serial|model" (normalized) and the physical adapters' MACs. */
export function hardwareIdentity(doc: InventoryDocument): { key: string; macs: string[] } | undefined {
  const serial = doc.system?.serial;
  const model = doc.system?.model;
  if (!usableIdentifier(serial) || !usableIdentifier(model) || doc.system?.virtual === true) return undefined;
  const macs = (doc.network?.adapters ?? [])
    .filter((a) => a.type === 'wired' || a.type === 'wireless')
    .map((a) => usableMac(a.mac))
    .filter((m): m is string => m !== undefined);
  return { key: `${serial.trim().toLowerCase()}|${model.trim().toLowerCase()}`, macs: [...new Set(macs)].sort() };
}

/**
 * Records the device's hardware identity and, on its first inventory, looks for a non-revoked
 * record with the same usable serial + model and at least one common MAC: probably the same PC
 * before a reinstall. It is linked as a candidate for a technician to confirm, never merged
 * silently. Runs in the caller's transaction.
 */
export async function linkSameAsset(tx: Repositories, deviceId: string, doc: InventoryDocument, firstInventory: boolean): Promise<string | undefined> {
  const identity = hardwareIdentity(doc);
  await tx.deviceLinks.setIdentity(deviceId, identity?.key ?? null, identity?.macs ?? []);
  if (!identity || !firstInventory || identity.macs.length === 0) return undefined;
  const twins = (await tx.deviceLinks.findByIdentity(identity.key)).filter((t) => t.deviceId !== deviceId && t.macs.some((m) => identity.macs.includes(m)));
  const self = await tx.devices.findById(deviceId);
  let best: { id: string; enrolledAt: number } | undefined;
  for (const twin of twins) {
    const record = await tx.devices.findById(twin.deviceId);
    // Only within one site: another client's PC is never offered (nor merged) as this one.
    if (!record || record.revokedAt !== null || record.siteId !== self?.siteId) continue;
    if (!best || record.enrolledAt.getTime() > best.enrolledAt) best = { id: record.id, enrolledAt: record.enrolledAt.getTime() };
  }
  if (!best) return undefined;
  await tx.deviceLinks.setCandidate(deviceId, best.id, ['serial', 'model', 'mac']);
  return best.id;
}
