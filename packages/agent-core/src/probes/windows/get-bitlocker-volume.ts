import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { parseAlignedTable } from '../text/columns.js';
import { splitBlocks } from '../text/lines.js';
import { parseLocaleNumber } from '../text/numbers.js';
import type { BitLockerVolume, ConversionStatus } from './bitlocker-volume.js';

const STATUS: Record<string, ConversionStatus> = {
  fullydecrypted: 'fully-decrypted',
  fullyencrypted: 'fully-encrypted',
  encryptioninprogress: 'encrypting',
  decryptioninprogress: 'decrypting',
  encryptionsuspended: 'encryption-paused',
  decryptionsuspended: 'decryption-paused',
};

/**
 * PowerShell `Get-BitLockerVolume`, in its default table view or piped to `Format-List`. The
 * table view truncates (`{RecoveryPassword, Pas...`); callers should prefer Format-List.
 */
export function parseGetBitLockerVolume(text: string): ProbeResult<BitLockerVolume[]> {
  const records = /^\s*MountPoint\s*:/m.test(text) ? listRecords(text) : tableRecords(text);
  const volumes = records.filter((r) => r.mount !== undefined && r.status !== undefined).map(toVolume);
  if (volumes.length === 0) return unknown('no BitLocker volume with a mount point and VolumeStatus');
  return ok(volumes);
}

interface RawVolume {
  mount?: string;
  capacityGb?: string;
  status?: string;
  percent?: string;
  protectors?: string;
  protection?: string;
  method?: string;
  lock?: string;
}

function listRecords(text: string): RawVolume[] {
  return splitBlocks(text).map((block) => {
    const fields: Record<string, string> = {};
    for (const line of block) {
      const match = /^(\w+)\s*:\s?(.*)$/.exec(line.trim());
      if (match) fields[match[1] ?? ''] = (match[2] ?? '').trim();
    }
    return {
      mount: fields['MountPoint'],
      capacityGb: fields['CapacityGB'],
      status: fields['VolumeStatus'],
      percent: fields['EncryptionPercentage'],
      protectors: fields['KeyProtector'],
      protection: fields['ProtectionStatus'],
      method: fields['EncryptionMethod'],
      lock: fields['LockStatus'],
    };
  });
}

function tableRecords(text: string): RawVolume[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const dashes = lines.findIndex((line) => /^-+(\s+-+)+\s*$/.test(line));
  if (dashes < 1) return [];
  const table = parseAlignedTable([...lines.slice(0, dashes), ...lines.slice(dashes + 1)], dashes);
  return table.rows.map((row) => ({
    mount: row['Mount Point'],
    capacityGb: row['CapacityGB'],
    status: row['VolumeStatus'],
    percent: row['Encryption Percentage'],
    protectors: row['KeyProtector'],
    protection: row['Protection Status'],
  }));
}

function toVolume(raw: RawVolume): BitLockerVolume {
  const gb = raw.capacityGb === undefined ? undefined : parseLocaleNumber(raw.capacityGb, 'auto');
  const list = (raw.protectors ?? '').replace(/^\{|\}$/g, '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  const truncated = list.some((p) => p.endsWith('...'));
  const method = raw.method === undefined || /^none$/i.test(raw.method) || raw.method === '' ? undefined : raw.method;
  return {
    mount: raw.mount ?? null,
    sizeBytes: gb === undefined ? undefined : Math.round(gb * 1024 ** 3),
    protection: /^on$/i.test(raw.protection ?? '') ? 'on' : /^off$/i.test(raw.protection ?? '') ? 'off' : 'unknown',
    conversion: STATUS[(raw.status ?? '').toLowerCase()] ?? 'unknown',
    percentEncrypted: raw.percent === undefined ? undefined : parseLocaleNumber(raw.percent, 'auto'),
    method,
    keyProtectors: list.filter((p) => !p.endsWith('...')),
    keyProtectorsTruncated: truncated ? true : undefined,
    locked: raw.lock === undefined ? undefined : /^locked$/i.test(raw.lock),
  };
}

/** BitLocker volumes through PowerShell; Format-List avoids the table view's truncation. */
export const getBitLockerVolumeProbe = defineTextProbe({
  id: 'windows.get-bitlocker-volume',
  platforms: ['win32'],
  commands: [
    {
      file: 'powershell.exe',
      args: ['-NoProfile', '-NonInteractive', '-Command', 'Get-BitLockerVolume | Format-List'],
    },
  ],
  parseText: parseGetBitLockerVolume,
});
