import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

export interface FileVaultStatus {
  readonly state: 'on' | 'off' | 'encrypting' | 'decrypting';
  /** e.g. `Percent completed = 42` while converting. */
  readonly percentCompleted?: number;
}

/** `fdesetup status`: `FileVault is On.`, `FileVault is Off.`, or a conversion in progress. */
export function parseFdesetupStatus(text: string): ProbeResult<FileVaultStatus> {
  const percent = /Percent completed = ([\d.]+)/i.exec(text);
  const percentCompleted = percent ? Number(percent[1]) : undefined;
  if (/Encryption in progress/i.test(text)) return ok({ state: 'encrypting', percentCompleted });
  if (/Decryption in progress/i.test(text)) return ok({ state: 'decrypting', percentCompleted });
  const match = /FileVault is (On|Off)\b/i.exec(text);
  if (!match) return unknown('no "FileVault is On/Off" line');
  return ok({ state: (match[1] ?? '').toLowerCase() === 'on' ? 'on' : 'off' });
}

export const fdesetupStatusProbe = defineTextProbe({
  id: 'macos.fdesetup-status',
  platforms: ['darwin'],
  commands: [{ file: '/usr/bin/fdesetup', args: ['status'] }],
  parseText: parseFdesetupStatus,
});
