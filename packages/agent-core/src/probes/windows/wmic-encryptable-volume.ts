import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { parseWmicList } from '../text/wmic-list.js';
import { CONVERSION_BY_CODE, METHOD_BY_CODE, type BitLockerVolume } from './bitlocker-volume.js';

/** `wmic … Win32_EncryptableVolume get /format:list`: status codes mapped to names. */
export function parseWmicEncryptableVolume(text: string): ProbeResult<BitLockerVolume[]> {
  const volumes: BitLockerVolume[] = [];
  for (const record of parseWmicList(text)) {
    const conversionCode = Number(record['ConversionStatus']);
    if (record['ConversionStatus'] === undefined || !Number.isInteger(conversionCode)) continue;
    const protection = record['ProtectionStatus'];
    volumes.push({
      mount: record['DriveLetter'] === undefined || record['DriveLetter'] === '' ? null : record['DriveLetter'].toUpperCase(),
      protection: protection === '1' ? 'on' : protection === '0' ? 'off' : 'unknown',
      conversion: CONVERSION_BY_CODE[conversionCode] ?? 'unknown',
      method: METHOD_BY_CODE[Number(record['EncryptionMethod'])],
      keyProtectors: [],
    });
  }
  if (volumes.length === 0) return unknown('no Win32_EncryptableVolume record with ConversionStatus');
  return ok(volumes);
}

export const wmicEncryptableVolumeProbe = defineTextProbe({
  id: 'windows.wmic-encryptable-volume',
  platforms: ['win32'],
  commands: [
    {
      file: 'wmic.exe',
      args: ['/namespace:\\\\root\\CIMV2\\Security\\MicrosoftVolumeEncryption', 'path', 'Win32_EncryptableVolume', 'get', '/format:list'],
    },
  ],
  parseText: parseWmicEncryptableVolume,
});
