import { normalizeUuid, smbiosUuidForms } from './smbios-uuid.js';

/**
 * Vendor placeholders that firmware ships in serial, product and UUID fields. They are shared by
 * thousands of machines, so a device must never be matched on them.
 */
export type IdentifierKind = 'serial' | 'uuid' | 'product' | 'manufacturer' | 'baseboard-serial' | 'chassis-serial' | 'mac';

const JUNK_TEXT = [
  'default string',
  'to be filled by o.e.m.',
  'to be filled by oem',
  'system serial number',
  'system product name',
  'system manufacturer',
  'system version',
  'not specified',
  'not applicable',
  'not available',
  'not present',
  'none',
  'null',
  'n/a',
  'na',
  'unknown',
  'default',
  'oem',
  'o.e.m.',
  'chassis serial number',
  'base board serial number',
  'baseboard serial number',
  'serial number',
  'invalid',
  'empty',
  '123456789',
  '1234567890',
  '0123456789',
  'xxxxxxxxxx',
];
const JUNK = new Set(JUNK_TEXT);

const JUNK_UUIDS = new Set([
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  // A sequence some AMI boards ship unchanged (and its byte-swapped form).
  '03000200-0400-0500-0006-000700080009',
  '00020003-0004-0005-0006-000700080009',
]);

/** Why a value cannot identify a machine, or undefined when it looks usable. */
export function junkReason(kind: IdentifierKind, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return 'missing';
  const trimmed = value.trim();
  if (trimmed === '') return 'empty or whitespace';
  if (/^<.*>$/.test(trimmed)) return 'dmidecode marker';
  if (JUNK.has(trimmed.toLowerCase().replace(/\s+/g, ' '))) return 'vendor placeholder';
  if (/^[0\s.:-]+$/.test(trimmed)) return 'all zeros';
  if (/^[F\s.:-]+$/i.test(trimmed)) return 'all F';
  if (/^(.)\1+$/.test(trimmed.replace(/[\s.:-]/g, ''))) return 'one repeated character';
  if (kind === 'uuid') {
    const uuid = normalizeUuid(trimmed);
    if (uuid === undefined) return 'not a UUID';
    const forms = smbiosUuidForms(uuid);
    if (JUNK_UUIDS.has(uuid) || (forms !== undefined && JUNK_UUIDS.has(forms.swapped))) return 'known placeholder UUID';
  }
  if (kind === 'mac') {
    const hex = trimmed.replace(/[:-]/g, '').toLowerCase();
    if (!/^[0-9a-f]{12}$/.test(hex)) return 'not a MAC address';
    // Bit 0 of the first octet: multicast, never a NIC's own address.
    if ((Number.parseInt(hex.slice(0, 2), 16) & 1) === 1) return 'multicast address';
  }
  if ((kind === 'serial' || kind === 'baseboard-serial' || kind === 'chassis-serial') && trimmed.length < 3) return 'too short';
  return undefined;
}

/** True when the value may be used to recognize a machine (not missing, not a vendor placeholder). */
export function isUsableIdentifier(kind: IdentifierKind, value: string | null | undefined): boolean {
  return junkReason(kind, value) === undefined;
}
