import type { Service } from '@deskside/protocol';
import { MAX_SERVICES } from '@deskside/protocol';
import { scQueryProbe, type WindowsService } from '../../probes/windows/sc-query.js';
import { wmicServiceProbe } from '../../probes/windows/wmic-service.js';
import { probeValue, tryProbe, type CollectorEnv } from '../env.js';
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
 * Windows services (drivers left out). `sc query` does not print the start type, so one
 * `wmic service get …StartMode` call adds it (rather than one `sc qc` per service, hundreds of
 * processes); where wmic is missing (removed from recent Windows 11) it stays 'unknown'.
 */
export async function collectWindowsServices(env: CollectorEnv): Promise<Service[]> {
  const services = await probeValue(scQueryProbe, env);
  const modes = new Map((await tryProbe(wmicServiceProbe, env, []))?.map((w) => [w.name.toLowerCase(), w.startMode]) ?? []);
  return services
    .filter((s) => !/DRIVER/i.test(s.type))
    .slice(0, MAX_SERVICES)
    .map((s) => ({
      name: cut(s.name, 256),
      displayName: text(s.displayName),
      // A stopped service that exited with an error code other than 1077 (never started) has failed.
      state: s.state === 'stopped' && s.win32ExitCode !== undefined && s.win32ExitCode !== 0 && s.win32ExitCode !== 1077 ? 'failed' : STATE[s.state],
      startMode: modes.get(s.name.toLowerCase()) ?? ('unknown' as const),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
