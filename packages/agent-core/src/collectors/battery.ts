import si from 'systeminformation';
import type { BatterySection } from '@deskside/protocol';
import { parseUpowerBattery } from '../probes/linux/upower-battery.js';
import { parseSpPower } from '../probes/macos/sp-power.js';
import { defineTextProbe } from '../probes/define-probe.js';
import { ok } from '../probes/probe.js';
import { SectionUnknown, tryProbe, type CollectorEnv } from './env.js';
import { text } from './normalize.js';

const upowerList = defineTextProbe({
  id: 'linux.upower-enumerate',
  platforms: ['linux'],
  commands: [{ file: 'upower', args: ['-e'] }],
  parseText: (t) => ok(t.split('\n').map((l) => l.trim()).filter((l) => /battery_/i.test(l))),
});

const spPower = defineTextProbe({
  id: 'macos.sp-power',
  platforms: ['darwin'],
  commands: [{ file: '/usr/sbin/system_profiler', args: ['SPPowerDataType'] }],
  parseText: parseSpPower,
});

const round = (n: number | undefined | null): number | null => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.round(n * 100) / 100 : null);
const health = (full: number | null, design: number | null): number | null =>
  full !== null && design !== null && design > 0 ? Math.min(200, Math.round((full / design) * 1000) / 10) : null;

/** Battery wear (design vs full capacity, cycles). Charge % is volatile and stays out of the document. */
export async function collectBattery(env: CollectorEnv): Promise<BatterySection> {
  const reasons: string[] = [];
  if (env.platform === 'darwin') {
    const mac = await tryProbe(spPower, env, reasons);
    if (mac && (mac.fullChargeCapacityMah !== undefined || mac.cycleCount !== undefined)) {
      const full = round(mac.fullChargeCapacityMah);
      const design = round(mac.designCapacityMah);
      return {
        manufacturer: text(mac.manufacturer),
        model: null,
        serial: text(mac.serial),
        chemistry: null,
        capacityUnit: 'mAh',
        designCapacity: design,
        fullCapacity: full,
        cycleCount: mac.cycleCount ?? null,
        healthPercent: round(mac.maxCapacityPercent) ?? health(full, design),
      };
    }
  }
  if (env.platform === 'linux') {
    const paths = (await tryProbe(upowerList, env, reasons)) ?? [];
    const first = paths[0];
    if (first !== undefined) {
      const probe = defineTextProbe({ id: 'linux.upower-battery', platforms: ['linux'], commands: [{ file: 'upower', args: ['-i', first] }], parseText: parseUpowerBattery });
      const b = await tryProbe(probe, env, reasons);
      if (b && b.energyFullWh !== undefined) {
        const full = round(b.energyFullWh === undefined ? undefined : b.energyFullWh * 1000);
        const design = round(b.energyFullDesignWh === undefined ? undefined : b.energyFullDesignWh * 1000);
        return {
          manufacturer: text(b.vendor),
          model: text(b.model),
          serial: text(b.serial),
          chemistry: text(b.technology, 64),
          capacityUnit: 'mWh',
          designCapacity: design,
          fullCapacity: full,
          cycleCount: b.cycleCount ?? null,
          healthPercent: round(b.healthPercent) ?? health(full, design),
        };
      }
    }
  }
  const s = await si.battery();
  if (!s.hasBattery) throw new SectionUnknown(['no battery found (desktop, server or virtual machine)', ...reasons].join('; '));
  const unit = s.capacityUnit === 'mAh' ? 'mAh' : s.capacityUnit === 'mWh' || s.capacityUnit === 'Wh' ? 'mWh' : null;
  const full = round(s.maxCapacity || null);
  const design = round(s.designedCapacity || null);
  return {
    manufacturer: text(s.manufacturer),
    model: text(s.model),
    serial: text(s.serial),
    chemistry: text(s.type, 64),
    capacityUnit: unit,
    designCapacity: design,
    fullCapacity: full,
    cycleCount: s.cycleCount > 0 ? s.cycleCount : null,
    healthPercent: health(full, design),
  };
}
