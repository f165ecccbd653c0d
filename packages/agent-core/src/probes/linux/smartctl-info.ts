import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { parseGroupedInteger } from '../text/numbers.js';

export interface SmartctlInfo {
  readonly model?: string;
  readonly family?: string;
  readonly serial?: string;
  readonly firmware?: string;
  readonly capacityBytes?: number;
  /** RPM for spinning disks; null for an SSD. */
  readonly rotationRateRpm?: number | null;
  readonly ssd?: boolean;
  readonly smartSupported?: boolean;
  readonly smartEnabled?: boolean;
}

/** The information section of `smartctl -i <device>` (ATA and SCSI/NVMe field names). */
export function parseSmartctlInfo(text: string): ProbeResult<SmartctlInfo> {
  const start = text.indexOf('=== START OF INFORMATION SECTION ===');
  if (start < 0) return unknown('no "START OF INFORMATION SECTION" (device missing or no permission)');
  const fields = new Map<string, string[]>();
  for (const line of text.slice(start).split('\n').slice(1)) {
    const match = /^([^:]+):\s+(.*)$/.exec(line);
    if (!match) continue;
    const key = (match[1] ?? '').trim();
    fields.set(key, [...(fields.get(key) ?? []), (match[2] ?? '').trim()]);
  }
  const one = (...keys: string[]): string | undefined => keys.map((k) => fields.get(k)?.[0]).find((v) => v !== undefined);
  const rotation = one('Rotation Rate');
  const rpm = /^(\d+)\s*rpm/i.exec(rotation ?? '');
  const ssd = rotation === undefined ? undefined : /solid state/i.test(rotation);
  const capacity = /^([\d,.\s\u00a0]+)\s*bytes/i.exec(one('User Capacity', 'Total NVM Capacity', 'Namespace 1 Size/Capacity') ?? '');
  const support = fields.get('SMART support is') ?? [];
  return ok({
    model: one('Device Model', 'Model Number', 'Product'),
    family: one('Model Family'),
    serial: one('Serial Number', 'Serial number'),
    firmware: one('Firmware Version', 'Revision'),
    capacityBytes: capacity ? parseGroupedInteger(capacity[1] ?? '') : undefined,
    rotationRateRpm: rpm ? Number(rpm[1]) : ssd ? null : undefined,
    ssd,
    smartSupported: support.length === 0 ? undefined : support.some((s) => /^Available/i.test(s)),
    smartEnabled: support.length === 0 ? undefined : support.some((s) => /^Enabled/i.test(s)),
  });
}

/** smartctl's exit status is a bit mask; bits 0–1 mean it could not read the device at all. */
export const smartctlInfoProbe = (device: string) =>
  defineTextProbe({
    id: 'linux.smartctl-info',
    platforms: ['linux'],
    commands: [{ file: 'smartctl', args: ['-i', device], acceptExitCode: (code) => (code & 0b11) === 0 }],
    parseText: parseSmartctlInfo,
  });
