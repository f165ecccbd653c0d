import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { parseLocaleNumber } from '../text/numbers.js';

export interface UpowerBattery {
  readonly vendor?: string;
  readonly model?: string;
  readonly serial?: string;
  /** `charging`, `discharging`, `fully-charged`, `pending-charge`… */
  readonly state?: string;
  readonly energyWh?: number;
  readonly energyFullWh?: number;
  readonly energyFullDesignWh?: number;
  /** energy-full / energy-full-design, in percent (upower's `capacity`). */
  readonly healthPercent?: number;
  readonly percentage?: number;
  readonly cycleCount?: number;
  readonly technology?: string;
}

/**
 * `upower -i <battery>` in any locale: numbers follow LC_NUMERIC (`24,645 Wh` in French). The
 * `updated:` date is localized too and is not used. History sections are ignored.
 */
export function parseUpowerBattery(text: string): ProbeResult<UpowerBattery> {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (/^\s*History/i.test(line)) break;
    const match = /^\s+([a-z][a-z0-9 -]*):\s+(.*)$/i.exec(line);
    if (match) fields.set((match[1] ?? '').trim().toLowerCase(), (match[2] ?? '').trim());
  }
  if (!fields.has('energy-full') && !fields.has('state')) return unknown('no battery fields (energy-full/state) in upower output');
  const num = (key: string): number | undefined => {
    const value = fields.get(key);
    return value === undefined || /^n\/a$/i.test(value) ? undefined : parseLocaleNumber(value, 'auto');
  };
  const full = num('energy-full');
  const design = num('energy-full-design');
  const capacity = num('capacity');
  const cycles = num('charge-cycles');
  return ok({
    vendor: fields.get('vendor'),
    model: fields.get('model'),
    serial: fields.get('serial'),
    state: fields.get('state'),
    energyWh: num('energy'),
    energyFullWh: full,
    energyFullDesignWh: design,
    healthPercent: capacity ?? (full !== undefined && design ? Math.round((full / design) * 10000) / 100 : undefined),
    percentage: num('percentage'),
    // upower prints 0 or -1 when the battery does not report cycles.
    cycleCount: cycles !== undefined && cycles > 0 ? cycles : undefined,
    technology: fields.get('technology'),
  });
}

export const upowerBatteryProbe = (devicePath: string) =>
  defineTextProbe({
    id: 'linux.upower-battery',
    platforms: ['linux'],
    commands: [{ file: 'upower', args: ['-i', devicePath] }],
    parseText: parseUpowerBattery,
  });
