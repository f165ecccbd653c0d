import si from 'systeminformation';
import type { InventorySections } from '@deskside/protocol';
import { LIMITS } from '@deskside/protocol';
import { byteCount, text } from './normalize.js';

type Disk = NonNullable<InventorySections['disks']>[number];

/** Physical disks. Where the OS hides the disk layout (VMs, containers) whole block devices stand in. */
export async function collectDisks(): Promise<NonNullable<InventorySections['disks']>> {
  const layout = await si.diskLayout();
  if (layout.length > 0) {
    return layout.slice(0, LIMITS.inventoryList).map(
      (d): Disk => ({
        device: text(d.device),
        model: text(d.name),
        serial: text(d.serialNum),
        sizeBytes: byteCount(d.size),
        type: text(d.type, 32),
        interface: text(d.interfaceType, 32),
        smartStatus: smart(d.smartStatus),
      }),
    );
  }
  const blocks = await si.blockDevices();
  return blocks
    .filter((b) => b.type === 'disk' && (byteCount(b.size) ?? 0) > 0)
    .slice(0, LIMITS.inventoryList)
    .map(
      (b): Disk => ({
        device: text(b.device ?? `/dev/${b.name}`),
        model: text(b.model),
        serial: text(b.serial),
        sizeBytes: byteCount(b.size),
        type: text(b.physical, 32),
        interface: text(b.protocol, 32),
        smartStatus: 'unknown',
      }),
    );
}

function smart(status: unknown): Disk['smartStatus'] {
  const s = typeof status === 'string' ? status.toLowerCase() : '';
  if (s === 'ok' || s === 'passed') return 'ok';
  if (s.includes('fail') || s.includes('predicted')) return 'failing';
  return 'unknown';
}
