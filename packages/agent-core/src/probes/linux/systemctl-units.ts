import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

export interface SystemdUnit {
  readonly name: string;
  /** `active`, `inactive`, `failed`… */
  readonly active: string;
  /** `running`, `exited`, `dead`… */
  readonly sub: string;
  readonly description?: string;
}

export interface SystemdUnitFile {
  readonly name: string;
  /** `enabled`, `disabled`, `static`, `masked`, `indirect`, `generated`… */
  readonly state: string;
}

/** `systemctl list-units --type=service --all --no-legend --plain --no-pager`: UNIT LOAD ACTIVE SUB DESCRIPTION. */
export function parseSystemctlUnits(text: string): ProbeResult<SystemdUnit[]> {
  if (/System has not been booted with systemd|Failed to connect to bus/i.test(text)) return unknown('systemd is not running');
  const units: SystemdUnit[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*[●*]?\s*(\S+\.service)\s+(\S+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!m) continue;
    const description = (m[5] ?? '').trim();
    units.push({ name: m[1] ?? '', active: m[3] ?? '', sub: m[4] ?? '', ...(description ? { description } : {}) });
  }
  if (units.length === 0) return unknown('no service line in systemctl output');
  return ok(units);
}

/** `systemctl list-unit-files --type=service --no-legend --plain --no-pager`: UNIT FILE STATE [PRESET]. */
export function parseSystemctlUnitFiles(text: string): ProbeResult<SystemdUnitFile[]> {
  const files: SystemdUnitFile[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\S+\.service)\s+(\S+)/.exec(line);
    if (m) files.push({ name: m[1] ?? '', state: m[2] ?? '' });
  }
  if (files.length === 0) return unknown('no unit file line in systemctl output');
  return ok(files);
}

export const systemctlUnitsProbe = defineTextProbe({
  id: 'linux.systemctl-list-units',
  platforms: ['linux'],
  commands: [{ file: 'systemctl', args: ['list-units', '--type=service', '--all', '--no-legend', '--plain', '--no-pager'] }],
  parseText: parseSystemctlUnits,
});

export const systemctlUnitFilesProbe = defineTextProbe({
  id: 'linux.systemctl-list-unit-files',
  platforms: ['linux'],
  commands: [{ file: 'systemctl', args: ['list-unit-files', '--type=service', '--no-legend', '--plain', '--no-pager'] }],
  parseText: parseSystemctlUnitFiles,
});
