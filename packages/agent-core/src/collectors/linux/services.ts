import { MAX_SERVICES, type Service } from '@deskside/protocol';
import { systemctlUnitFilesProbe, systemctlUnitsProbe } from '../../probes/linux/systemctl-units.js';
import { probeValue, tryProbe, type CollectorEnv } from '../env.js';
import { cut, text } from '../normalize.js';

const START: Record<string, Service['startMode']> = { enabled: 'auto', 'enabled-runtime': 'auto', disabled: 'disabled', masked: 'disabled', static: 'manual', indirect: 'manual', generated: 'auto', alias: 'manual' };

function state(active: string, sub: string): Service['state'] {
  if (active === 'failed') return 'failed';
  if (sub === 'running' || (active === 'active' && sub === 'exited')) return 'running';
  if (active === 'activating') return 'starting';
  if (active === 'deactivating') return 'stopping';
  if (active === 'inactive') return 'stopped';
  return 'unknown';
}

/** systemd services with their state and whether they start at boot. */
export async function collectLinuxServices(env: CollectorEnv): Promise<Service[]> {
  const units = await probeValue(systemctlUnitsProbe, env);
  const files = new Map(((await tryProbe(systemctlUnitFilesProbe, env, [])) ?? []).map((f) => [f.name, f.state]));
  return units.slice(0, MAX_SERVICES).map((u) => ({
    name: cut(u.name.replace(/\.service$/, ''), 256),
    displayName: text(u.description),
    state: state(u.active, u.sub),
    startMode: START[files.get(u.name) ?? ''] ?? 'unknown',
  }));
}
