import type { InventorySections } from '@deskside/protocol';
import { systeminfoProbe } from '../../probes/windows/systeminfo.js';
import { probeValue, type CollectorEnv } from '../env.js';
import { text } from '../normalize.js';

type Os = NonNullable<InventorySections['os']>;

/** What systeminfo adds to systeminformation's OS section: install date and domain / workgroup. */
export async function windowsOsDetails(env: CollectorEnv): Promise<Pick<Os, 'installedAt' | 'domain' | 'workgroup'>> {
  const info = await probeValue(systeminfoProbe, env);
  const installedAt = info.installDate?.iso ? new Date(info.installDate.iso).toISOString() : null;
  // systeminfo prints "WORKGROUP" (or the workgroup's name) in the Domain field when not domain-joined.
  const joined = info.domain !== undefined && info.domain.toUpperCase() !== 'WORKGROUP' && info.domain.includes('.');
  return {
    installedAt,
    domain: joined ? text(info.domain) : null,
    workgroup: joined ? null : text(info.domain),
  };
}
