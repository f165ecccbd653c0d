import si from 'systeminformation';
import type { InventorySections } from '@deskside/protocol';
import { bool, text } from './normalize.js';

/** Maker, model and serial of the machine (DMI / IOPlatform / WMI). */
export async function collectSystem(): Promise<NonNullable<InventorySections['system']>> {
  const s = await si.system();
  return {
    manufacturer: text(s.manufacturer),
    model: text(s.model),
    version: text(s.version),
    serial: text(s.serial),
    uuid: text(s.uuid),
    sku: text(s.sku),
    virtual: bool(s.virtual),
  };
}
