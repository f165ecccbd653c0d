import si from 'systeminformation';
import type { InventorySections } from '@deskside/protocol';
import { count, measure, text } from './normalize.js';

/** Processor model and core counts. */
export async function collectCpu(): Promise<NonNullable<InventorySections['cpu']>> {
  const c = await si.cpu();
  return {
    manufacturer: text(c.manufacturer),
    brand: text(c.brand),
    cores: count(c.cores, 4096),
    physicalCores: count(c.physicalCores, 4096),
    speedGHz: measure(c.speed, 100),
  };
}
