import type { Service } from '@deskside/protocol';
import { MAX_SERVICES } from '@deskside/protocol';
import { scQueryProbe, type WindowsService } from '../../probes/windows/sc-query.js';
import { probeValue, type CollectorEnv } from '../env.js';
import { cut, text } from '../normalize.js';

const STATE: Record<WindowsService['state'], Service['state']> = {
  running: 'running',
  stopped: 'stopped',
  paused: 'paused',
  'start-pending': 'starting',
  'continue-pending': 'starting',
  'stop-pending': 'stopping',
  'pause-pending': 'stopping',
  unknown: 'unknown',
};

/**
 * Windows services (drivers left out). `sc query` does not print the start type; it stays
 * 'unknown' here rather than costing one `sc qc` per service (hundreds of processes).
 */
export async function collectWindowsServices(env: CollectorEnv): Promise<Service[]> {
  const services = await probeValue(scQueryProbe, env);
  return services
    .filter((s) => !/DRIVER/i.test(s.type))
    .slice(0, MAX_SERVICES)
    .map((s) => ({
      name: cut(s.name, 256),
      displayName: text(s.displayName),
      // A stopped service that exited with an error code other than 1077 (never started) has failed.
      state: s.state === 'stopped' && s.win32ExitCode !== undefined && s.win32ExitCode !== 0 && s.win32ExitCode !== 1077 ? 'failed' : STATE[s.state],
      startMode: 'unknown' as const,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
