import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { powerShellJsonDateToIso } from '../text/powershell-json-date.js';

/** Microsoft Defender's own view of itself; each field null when the output did not say. */
export interface DefenderStatus {
  readonly serviceEnabled: boolean | null;
  readonly antivirusEnabled: boolean | null;
  readonly realTimeProtectionEnabled: boolean | null;
  /** `Normal`, `Passive Mode`, `SxS Passive Mode`, `EDR Block Mode` (platform 4.18.2003+). */
  readonly runningMode: string | null;
  /** `1.401.1234.0`. */
  readonly signatureVersion: string | null;
  /** UTC ISO timestamp; null for "never" or a time without a zone. */
  readonly signatureUpdatedAt: string | null;
  /** Whole days since the last signature update, as Defender counts them. */
  readonly signatureAgeDays: number | null;
  /** Defender's own verdict, by the admin's AVSignatureDue policy (default 7 days); newer platforms only. */
  readonly signaturesOutOfDate: boolean | null;
}

const PROPERTIES = [
  'AMServiceEnabled',
  'AntivirusEnabled',
  'RealTimeProtectionEnabled',
  'AMRunningMode',
  'AntivirusSignatureVersion',
  'AntivirusSignatureLastUpdated',
  'AntivirusSignatureAge',
  'DefenderSignaturesOutOfDate',
] as const;

// Select-Object yields null for a property an older platform lacks, so one command fits all versions.
const COMMAND = `Get-MpComputerStatus | Select-Object ${PROPERTIES.join(',')} | ConvertTo-Json -Compress`;

type Item = Record<string, unknown>;

const isRecord = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);
const bool = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

/**
 * `Get-MpComputerStatus | Select-Object … | ConvertTo-Json -Compress`, from Windows PowerShell 5.1
 * (`"\/Date(ms)\/"` dates) or PowerShell 7 (ISO 8601 dates). JSON rather than the list view,
 * because the list view prints dates in the user's culture. The cmdlet prints nothing on stdout
 * when Defender is off or replaced by another antivirus (0x800106ba) or its module is missing
 * (Server Core without the feature): that is 'unknown', with the reason.
 */
export function parseMpComputerStatus(text: string): ProbeResult<DefenderStatus> {
  const trimmed = text.trim();
  if (trimmed === '') return unknown('Get-MpComputerStatus printed nothing (Defender off, replaced by another antivirus, or not installed)');
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return unknown(`Get-MpComputerStatus output is not JSON: ${JSON.stringify(trimmed.slice(0, 80))}`);
  }
  const item = Array.isArray(json) ? json.find(isRecord) : json;
  if (!isRecord(item)) return unknown('Get-MpComputerStatus JSON is not an object');
  // Property names as PowerShell spells them, looked up case-insensitively.
  const fields = new Map(Object.entries(item).map(([key, value]) => [key.toLowerCase(), value]));
  const field = (name: (typeof PROPERTIES)[number]): unknown => fields.get(name.toLowerCase());
  const version = field('AntivirusSignatureVersion');
  const age = field('AntivirusSignatureAge');
  const mode = field('AMRunningMode');
  const status: DefenderStatus = {
    serviceEnabled: bool(field('AMServiceEnabled')),
    antivirusEnabled: bool(field('AntivirusEnabled')),
    realTimeProtectionEnabled: bool(field('RealTimeProtectionEnabled')),
    runningMode: typeof mode === 'string' && /^[\w -]{1,40}$/.test(mode.trim()) ? mode.trim() : null,
    signatureVersion: typeof version === 'string' && /^\d{1,9}(\.\d{1,9}){1,3}$/.test(version.trim()) ? version.trim() : null,
    signatureUpdatedAt: powerShellJsonDateToIso(field('AntivirusSignatureLastUpdated')),
    signatureAgeDays: typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= 0xffffffff ? age : null,
    signaturesOutOfDate: bool(field('DefenderSignaturesOutOfDate')),
  };
  if (status.antivirusEnabled === null && status.signatureVersion === null) return unknown('Get-MpComputerStatus JSON has neither AntivirusEnabled nor a signature version');
  return ok(status);
}

/** Defender's status; runs alongside Security Center, which has no signature version or date. */
export const mpComputerStatusProbe = defineTextProbe({
  id: 'windows.get-mpcomputerstatus',
  platforms: ['win32'],
  commands: [{ file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', COMMAND] }],
  parseText: parseMpComputerStatus,
});
