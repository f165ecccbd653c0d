import type { SectionCollectors } from './types.js';
import { collectBattery } from './battery.js';
import { collectCpu } from './cpu.js';
import { collectDisks } from './disks.js';
import { realEnv, type CollectorEnv } from './env.js';
import { collectGraphics, collectMonitors } from './graphics.js';
import { collectHardware } from './hardware.js';
import { collectMemory } from './memory.js';
import { collectNetwork } from './network.js';
import { collectOs } from './os.js';
import { collectPrinters, collectUsb } from './peripherals.js';
import { platformCollectors, platformFills } from './platform-collectors.js';
import { collectSystem } from './system.js';
import { collectUsers } from './users.js';
import { collectVolumes } from './volumes.js';

/**
 * The real collectors, one per inventory section: systeminformation first, OS probes (through
 * `env`, the machine by default) where it has no answer.
 */
export function defaultCollectors(now: () => number = Date.now, env: CollectorEnv = realEnv()): SectionCollectors {
  return {
    system: async () => platformFills.system(env, await collectSystem()),
    os: async () => platformFills.os(env, await collectOs(now)),
    cpu: collectCpu,
    memory: async () => platformFills.memory(env, await collectMemory()),
    disks: collectDisks,
    volumes: collectVolumes,
    network: collectNetwork,
    hardware: () => collectHardware(env),
    graphics: async () => platformFills.graphics(env, await collectGraphics()),
    monitors: collectMonitors,
    battery: () => collectBattery(env),
    printers: collectPrinters,
    usbDevices: () => collectUsb(env),
    users: () => collectUsers(env),
    ...platformCollectors(env),
  };
}

export { SLOW_SECTIONS } from './types.js';
