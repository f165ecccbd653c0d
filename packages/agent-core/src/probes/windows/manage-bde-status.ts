import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { parseByteSize, parseLocaleNumber } from '../text/numbers.js';
import type { BitLockerVolume, ConversionStatus } from './bitlocker-volume.js';

type Field = 'size' | 'conversion' | 'percent' | 'method' | 'protection' | 'lock' | 'protectors';

// Labels in the English and German UIs; other languages fall through to 'unknown'.
const LABELS: readonly [RegExp, Field][] = [
  [/^(size|größe)$/i, 'size'],
  [/^(conversion status|konvertierungsstatus)$/i, 'conversion'],
  [/^(percentage encrypted|verschlüsselt \(prozent\))$/i, 'percent'],
  [/^(encryption method|verschlüsselungsmethode)$/i, 'method'],
  [/^(protection status|schutzstatus)$/i, 'protection'],
  [/^(lock status|sperrungsstatus)$/i, 'lock'],
  [/^(key protectors|schlüsselschutzvorrichtungen)$/i, 'protectors'],
];

const CONVERSIONS: readonly [RegExp, ConversionStatus][] = [
  [/^used space only encrypted$|nur verwendeter speicher/i, 'used-space-only-encrypted'],
  [/^fully encrypted$|^vollständig verschlüsselt$/i, 'fully-encrypted'],
  [/^fully decrypted$|^vollständig entschlüsselt$/i, 'fully-decrypted'],
  [/^encryption in progress$|^verschlüsselung wird durchgeführt$/i, 'encrypting'],
  [/^decryption in progress$|^entschlüsselung wird durchgeführt$/i, 'decrypting'],
  [/^encryption paused$|verschlüsselung angehalten/i, 'encryption-paused'],
  [/^decryption paused$|entschlüsselung angehalten/i, 'decryption-paused'],
];

const NONE = /^(none|none found|kein|keine|keine gefunden)$/i;

interface Draft {
  mount: string | null;
  values: Partial<Record<Field, string>>;
  protectors: string[];
}

/** `manage-bde -status` (English or German UI, either decimal separator) to one entry per volume. */
export function parseManageBdeStatus(text: string): ProbeResult<BitLockerVolume[]> {
  if (/^ERROR:|^FEHLER:/im.test(text)) return unknown(`manage-bde reported an error: ${text.trim().split('\n')[0]?.slice(0, 160) ?? ''}`);
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let protectorIndent: number | undefined;
  for (const line of text.split('\n')) {
    // `Volume C: [Windows]` (English) or `Volume "C:" []` (German).
    const volume = /^Volume\s+"?([^"\s]+)"?(\s+\[.*\])?$/i.exec(line.trim());
    if (volume) {
      current = { mount: (volume[1] ?? '').toUpperCase(), values: {}, protectors: [] };
      drafts.push(current);
      protectorIndent = undefined;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (protectorIndent !== undefined && indent > protectorIndent && current) {
      const name = line.trim().replace(/:$/, '');
      if (name !== '' && !/^[\w-]+:\s/.test(line.trim())) current.protectors.push(name);
      continue;
    }
    protectorIndent = undefined;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const field = LABELS.find(([re]) => re.test(line.slice(0, colon).trim()))?.[1];
    if (field === undefined) continue;
    if (!current) {
      current = { mount: null, values: {}, protectors: [] };
      drafts.push(current);
    }
    const value = line.slice(colon + 1).trim();
    current.values[field] = value;
    if (field === 'protectors' && value === '') protectorIndent = indent;
  }
  const volumes = drafts.filter((d) => d.values.conversion !== undefined).map(toVolume);
  if (volumes.length === 0) return unknown('no volume with a conversion status (unsupported UI language or not manage-bde output)');
  return ok(volumes);
}

function toVolume(draft: Draft): BitLockerVolume {
  const { values } = draft;
  const conversionText = values.conversion ?? '';
  const method = values.method === undefined || NONE.test(values.method) ? undefined : values.method;
  const protectors = values.protectors !== undefined && values.protectors !== '' && !NONE.test(values.protectors) ? [values.protectors] : draft.protectors;
  return {
    mount: draft.mount,
    sizeBytes: values.size === undefined ? undefined : parseByteSize(values.size, 1024, 'auto'),
    protection: protectionOf(values.protection),
    conversion: CONVERSIONS.find(([re]) => re.test(conversionText))?.[1] ?? 'unknown',
    percentEncrypted: values.percent === undefined ? undefined : parseLocaleNumber(values.percent, 'auto'),
    method,
    keyProtectors: protectors,
    locked: values.lock === undefined ? undefined : /^(locked|gesperrt)$/i.test(values.lock),
  };
}

function protectionOf(text: string | undefined): BitLockerVolume['protection'] {
  if (text === undefined) return 'unknown';
  if (/protection on|schutz ist aktiviert/i.test(text)) return 'on';
  if (/protection off|schutz ist deaktiviert/i.test(text)) return 'off';
  return 'unknown';
}

/** BitLocker state of every volume; needs administrator rights. */
export const manageBdeStatusProbe = defineTextProbe({
  id: 'windows.manage-bde-status',
  platforms: ['win32'],
  commands: [{ file: 'manage-bde.exe', args: ['-status'] }],
  parseText: parseManageBdeStatus,
});
