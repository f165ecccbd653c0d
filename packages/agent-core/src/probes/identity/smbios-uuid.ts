/**
 * SMBIOS UUIDs have two textual forms. SMBIOS ≥ 2.6 stores the first three fields little-endian,
 * so `dmidecode` and Windows (`Win32_ComputerSystemProduct.UUID`) print one form, while older
 * firmware readers, VMware's `uuid.bios` and some hypervisor tools print the bytes in the other
 * order. The same VM can therefore appear as `564D…` to one tool and `…4D56` to another. Matching
 * compares both forms.
 */
export interface SmbiosUuidForms {
  /** Upper-case, as printed. */
  readonly asPrinted: string;
  /** The first three groups byte-swapped. */
  readonly swapped: string;
}

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

export function normalizeUuid(value: string): string | undefined {
  const compact = value.trim().replace(/^\{|\}$/g, '').toUpperCase();
  if (UUID.test(compact)) return compact;
  const hex = compact.replace(/[\s-]/g, '');
  if (!/^[0-9A-F]{32}$/.test(hex)) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Both byte orders of an SMBIOS UUID; undefined when the value is not a UUID. */
export function smbiosUuidForms(value: string): SmbiosUuidForms | undefined {
  const uuid = normalizeUuid(value);
  if (uuid === undefined) return undefined;
  const [a = '', b = '', c = '', d = '', e = ''] = uuid.split('-');
  const swap = (group: string): string => (group.match(/../g) ?? []).reverse().join('');
  return { asPrinted: uuid, swapped: `${swap(a)}-${swap(b)}-${swap(c)}-${d}-${e}` };
}

/** True when two tools' UUIDs name the same machine, in either byte order. */
export function sameSmbiosUuid(left: string, right: string): boolean {
  const l = smbiosUuidForms(left);
  const r = normalizeUuid(right);
  return l !== undefined && r !== undefined && (l.asPrinted === r || l.swapped === r);
}

/** A byte-order-independent key: the smaller of the two forms, so both tools produce the same key. */
export function canonicalSmbiosUuid(value: string): string | undefined {
  const forms = smbiosUuidForms(value);
  if (forms === undefined) return undefined;
  return forms.asPrinted < forms.swapped ? forms.asPrinted : forms.swapped;
}
