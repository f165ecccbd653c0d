import { defineTextProbe } from '../define-probe.js';
import { OUTPUT_FILE, ok, unknown, type ProbeResult } from '../probe.js';
import { compactDateToIso } from '../text/dates.js';
import { isRegistryExport, parseRegistryExport, type RegistryKey, type RegistryValue } from './registry-export.js';

/** One program from the registry's Uninstall keys, as "Apps & features" lists it. */
export interface InstalledSoftware {
  readonly name: string;
  readonly version?: string;
  readonly publisher?: string;
  /** `YYYY-MM-DD`; absent when the key has no valid `InstallDate`. */
  readonly installDate?: string;
  readonly uninstallString?: string;
  /** Always false in the output: system components are skipped. Kept so consumers need no special case. */
  readonly systemComponent: boolean;
  /** The key name when it is an MSI product code (`{GUID}`). */
  readonly msiProductCode?: string;
  /** The subkey name under Uninstall (stable id of the entry). */
  readonly keyName: string;
}

const GUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/i;

/**
 * Parses an export of `…\CurrentVersion\Uninstall`. Skips what "Apps & features" hides: keys without
 * `DisplayName`, `SystemComponent=1`, and updates attached to a parent (`ParentKeyName`).
 */
export function parseUninstallExport(text: string): ProbeResult<InstalledSoftware[]> {
  if (!isRegistryExport(text)) return unknown('not a registry export (missing REGEDIT4 / Registry Editor header)');
  const software: InstalledSoftware[] = [];
  for (const key of parseRegistryExport(text)) {
    const keyName = uninstallSubkey(key.path);
    if (keyName === undefined) continue;
    const entry = toSoftware(key, keyName);
    if (entry) software.push(entry);
  }
  return ok(software);
}

function uninstallSubkey(path: string): string | undefined {
  const match = /\\Uninstall\\([^\\]+)$/i.exec(path);
  return match?.[1];
}

function toSoftware(key: RegistryKey, keyName: string): InstalledSoftware | undefined {
  const name = text(key.values.get('DisplayName'));
  if (name === undefined) return undefined;
  if (number(key.values.get('SystemComponent')) === 1) return undefined;
  if (text(key.values.get('ParentKeyName')) !== undefined) return undefined;
  const installDate = compactDateToIso(text(key.values.get('InstallDate')) ?? '');
  return {
    name,
    version: text(key.values.get('DisplayVersion')),
    publisher: text(key.values.get('Publisher')),
    installDate,
    uninstallString: text(key.values.get('UninstallString')),
    systemComponent: false,
    msiProductCode: GUID.test(keyName) ? keyName.toUpperCase() : undefined,
    keyName,
  };
}

function text(value: RegistryValue | undefined): string | undefined {
  if (value?.type !== 'string' && value?.type !== 'expand-string') return undefined;
  const trimmed = value.data.trim();
  return trimmed === '' ? undefined : trimmed;
}

function number(value: RegistryValue | undefined): number | undefined {
  return value?.type === 'dword' ? value.data : undefined;
}

const UNINSTALL_KEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
  'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
  'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
] as const;

/** Installed software from the 64-bit, 32-bit and per-user Uninstall keys (a missing key is fine). */
export const uninstallRegistryProbe = defineTextProbe<InstalledSoftware[]>({
  id: 'windows.reg-export-uninstall',
  platforms: ['win32'],
  commands: [
    { file: 'reg.exe', args: ['export', UNINSTALL_KEYS[0], OUTPUT_FILE, '/y'] },
    { file: 'reg.exe', args: ['export', UNINSTALL_KEYS[1], OUTPUT_FILE, '/y'] },
    { file: 'reg.exe', args: ['export', UNINSTALL_KEYS[2], OUTPUT_FILE, '/y'] },
  ],
  parseText: parseUninstallExport,
  combine: (lists) => lists.flat(),
});
