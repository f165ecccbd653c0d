import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import { findNode, fieldsOf, parseIndentTree } from '../text/indent-tree.js';
import { yesNo } from '../text/lines.js';

export interface MacBattery {
  readonly cycleCount?: number;
  /** `Normal`, `Service Recommended`… */
  readonly condition?: string;
  /** Intel Macs print mAh; Apple silicon prints only `Maximum Capacity`. */
  readonly fullChargeCapacityMah?: number;
  readonly chargeRemainingMah?: number;
  /** macOS does not print the design capacity in text output; kept for other sources. */
  readonly designCapacityMah?: number;
  readonly maxCapacityPercent?: number;
  /** The battery's own `Charging` flag. */
  readonly charging?: boolean;
  readonly fullyCharged?: boolean;
  readonly acConnected?: boolean;
  /** The charger's `Charging` flag: differs from `charging` when the battery is held at full charge. */
  readonly acCharging?: boolean;
  readonly serial?: string;
  readonly manufacturer?: string;
}

/** The battery part of `system_profiler SPPowerDataType` (or of a full system_profiler run). */
export function parseSpPower(text: string): ProbeResult<MacBattery> {
  const tree = parseIndentTree(text);
  const battery = findNode(tree, 'Battery Information');
  if (!battery) return unknown('no "Battery Information:" section (a desktop Mac has no battery)');
  const model = fieldsOf(findNode(battery.children, 'Model Information'));
  const charge = fieldsOf(findNode(battery.children, 'Charge Information'));
  const health = fieldsOf(findNode(battery.children, 'Health Information'));
  const ac = fieldsOf(findNode(tree, 'AC Charger Information'));
  const int = (text: string | undefined): number | undefined => (text !== undefined && /^-?\d+/.test(text) ? Number.parseInt(text, 10) : undefined);
  return ok({
    cycleCount: int(health['Cycle Count']),
    condition: health['Condition'],
    fullChargeCapacityMah: int(charge['Full Charge Capacity (mAh)']),
    chargeRemainingMah: int(charge['Charge Remaining (mAh)']),
    maxCapacityPercent: int(health['Maximum Capacity']),
    charging: yesNo(charge['Charging']),
    fullyCharged: yesNo(charge['Fully Charged']),
    acConnected: yesNo(ac['Connected']),
    acCharging: yesNo(ac['Charging']),
    serial: model['Serial Number'],
    manufacturer: model['Manufacturer'],
  });
}

export const spPowerProbe = defineTextProbe({
  id: 'macos.sp-power',
  platforms: ['darwin'],
  commands: [{ file: '/usr/sbin/system_profiler', args: ['SPPowerDataType'] }],
  parseText: parseSpPower,
});
