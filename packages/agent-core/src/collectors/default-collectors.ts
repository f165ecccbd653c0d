import type { SectionCollectors } from './types.js';
import { collectCpu } from './cpu.js';
import { collectDisks } from './disks.js';
import { collectMemory } from './memory.js';
import { collectNetwork } from './network.js';
import { collectOs } from './os.js';
import { collectSystem } from './system.js';
import { collectVolumes } from './volumes.js';

/** The real collectors, one per inventory section. */
export function defaultCollectors(now: () => number = Date.now): SectionCollectors {
  return {
    system: collectSystem,
    os: () => collectOs(now),
    cpu: collectCpu,
    memory: collectMemory,
    disks: collectDisks,
    volumes: collectVolumes,
    network: collectNetwork,
  };
}
