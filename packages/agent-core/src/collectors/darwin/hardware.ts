import type { GraphicsAdapter, InventorySections, Monitor } from '@deskside/protocol';
import { spDisplaysProbe } from '../../probes/macos/sp-displays.js';
import { spHardwareProbe } from '../../probes/macos/sp-hardware.js';
import { spMemoryJsonProbe } from '../../probes/macos/sp-memory-json.js';
import { probeValue, type CollectorEnv } from '../env.js';
import { byteCount, text } from '../normalize.js';

type System = NonNullable<InventorySections['system']>;
type Memory = NonNullable<InventorySections['memory']>;

/** Model, serial and hardware UUID from System Information (systeminformation's ioreg path misses some on Apple silicon). */
export async function macSystem(env: CollectorEnv): Promise<System> {
  const hw = await probeValue(spHardwareProbe, env);
  return {
    manufacturer: 'Apple Inc.',
    model: text(hw.modelIdentifier) ?? text(hw.modelName),
    version: text(hw.modelNumber),
    serial: text(hw.serial),
    uuid: text(hw.uuid),
    sku: text(hw.modelNumber),
    virtual: /^VirtualMac/i.test(hw.modelIdentifier ?? '') ? true : null,
  };
}

/** Memory modules (Intel Macs list DIMMs; Apple silicon one unified block). */
export async function macMemory(env: CollectorEnv): Promise<Memory> {
  const [hw, modules] = await Promise.all([probeValue(spHardwareProbe, env), probeValue(spMemoryJsonProbe, env)]);
  const mapped = modules.slice(0, 64).map((m) => ({
    slot: text(m.slot),
    sizeBytes: byteCount(m.sizeBytes) ?? 0,
    type: text(m.type, 32),
    speedMHz: speedMHz(m.speed),
    manufacturer: text(m.manufacturer),
    serial: text(m.serial),
  }));
  const total = byteCount(hw.memoryBytes) ?? mapped.reduce((sum, m) => sum + m.sizeBytes, 0);
  return { totalBytes: total, modules: mapped };
}

function speedMHz(speed: string | undefined): number | null {
  const m = /([\d.]+)\s*(MHz|MT\/s)/i.exec(speed ?? '');
  const n = m?.[1] === undefined ? NaN : Number(m[1]);
  return Number.isFinite(n) && n > 0 && n < 100_000 ? n : null;
}

/** GPUs and their displays from SPDisplaysDataType. */
export async function macGraphics(env: CollectorEnv): Promise<{ graphics: GraphicsAdapter[]; monitors: Monitor[] }> {
  const gpus = await probeValue(spDisplaysProbe, env);
  const graphics = gpus.slice(0, 32).map((g) => ({
    model: text(g.name),
    vendor: text(g.vendor),
    vramBytes: byteCount(g.vramBytes),
    bus: text(g.bus, 64),
    driverVersion: null,
  }));
  const monitors = gpus.flatMap((g) => g.displays).slice(0, 32).map((d) => ({
    manufacturer: null,
    model: text(d.name),
    serial: text(d.serial),
    resolution: nativeResolution(d.resolution),
    builtIn: d.builtIn,
    connection: null,
  }));
  return { graphics, monitors };
}

function nativeResolution(resolution: string | undefined): string | null {
  const m = /(\d{3,5})\s*x\s*(\d{3,5})/.exec(resolution ?? '');
  return m ? `${m[1]}x${m[2]}` : null;
}

