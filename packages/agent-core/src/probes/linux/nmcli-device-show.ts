import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { splitBlocks } from '../text/lines.js';

export interface NmDevice {
  readonly name: string;
  readonly type: string;
  readonly mac?: string;
  /** `connected`, `unmanaged`, `disconnected`… (the text in parentheses). */
  readonly state?: string;
  readonly connection?: string;
  /** CIDR, e.g. `192.168.71.180/24`. */
  readonly ipv4: readonly string[];
  readonly ipv6: readonly string[];
  readonly gateway4?: string;
  readonly dns: readonly string[];
}

/** `nmcli device show` (one block per device, `SECTION.FIELD[n]:   value`). */
export function parseNmcliDeviceShow(text: string): ProbeResult<NmDevice[]> {
  const devices: NmDevice[] = [];
  for (const block of splitBlocks(text)) {
    const single = new Map<string, string>();
    const multi = new Map<string, string[]>();
    for (const line of block) {
      const match = /^([A-Z0-9-]+\.[A-Z0-9-]+)(?:\[\d+\])?:\s*(.*)$/.exec(line.trim());
      if (!match) continue;
      const key = match[1] ?? '';
      const value = (match[2] ?? '').trim();
      if (value === '--' || value === '') continue;
      single.set(key, single.get(key) ?? value);
      multi.set(key, [...(multi.get(key) ?? []), value]);
    }
    const name = single.get('GENERAL.DEVICE');
    if (name === undefined) continue;
    const state = /\((.+)\)/.exec(single.get('GENERAL.STATE') ?? '');
    devices.push({
      name,
      type: single.get('GENERAL.TYPE') ?? 'unknown',
      mac: single.get('GENERAL.HWADDR'),
      state: state?.[1],
      connection: single.get('GENERAL.CONNECTION'),
      ipv4: multi.get('IP4.ADDRESS') ?? [],
      ipv6: multi.get('IP6.ADDRESS') ?? [],
      gateway4: single.get('IP4.GATEWAY'),
      dns: [...(multi.get('IP4.DNS') ?? []), ...(multi.get('IP6.DNS') ?? [])],
    });
  }
  if (devices.length === 0) return unknown('no GENERAL.DEVICE block');
  return ok(devices);
}

export const nmcliDeviceShowProbe = defineTextProbe({
  id: 'linux.nmcli-device-show',
  platforms: ['linux'],
  // Terse mode is stabler, but the plain form is what we have recordings of; LC_ALL is left alone
  // because nmcli's field names are not translated.
  commands: [{ file: 'nmcli', args: ['device', 'show'] }],
  parseText: parseNmcliDeviceShow,
});
