import type { ConsoleSocketData } from '@deskside/protocol';
import type { DeviceRecord, DeviceRepository } from '@deskside/store';
import { ServiceError } from '../service-error.js';
import { seesSite } from './site-scope.js';

/** The device `who` asked for; another site's device answers `not_found`, like no device at all. */
export async function visibleDevice(devices: Pick<DeviceRepository, 'findById'>, who: Pick<ConsoleSocketData, 'role' | 'siteIds'>, id: string): Promise<DeviceRecord> {
  const device = await devices.findById(id);
  if (!device || !seesSite(who, device.siteId)) throw new ServiceError('not_found', 'No such device.');
  return device;
}
