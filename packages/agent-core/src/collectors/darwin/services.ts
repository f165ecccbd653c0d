import { MAX_SERVICES, type Service } from '@deskside/protocol';
import { launchctlListProbe, type LaunchdJob } from '../../probes/macos/launchctl-list.js';
import { probeValue, type CollectorEnv } from '../env.js';
import { cut } from '../normalize.js';

/** Running with a pid; a positive last exit status is a crash or error exit; a signal (negative) is launchd's usual stop. */
function state(job: LaunchdJob): Service['state'] {
  if (job.pid !== null) return 'running';
  if (job.lastExitStatus !== null && job.lastExitStatus > 0) return 'failed';
  return 'stopped';
}

/** launchd jobs loaded in the agent's domain (the system domain when it runs as root), sorted by label. */
export async function collectMacServices(env: CollectorEnv): Promise<Service[]> {
  const jobs = await probeValue(launchctlListProbe, env);
  return [...jobs]
    .sort((a, b) => a.label.localeCompare(b.label))
    .slice(0, MAX_SERVICES)
    // launchctl list does not say whether a job loads at boot (that is in its plist): start mode stays unknown.
    .map((job) => ({ name: cut(job.label, 256), displayName: null, state: state(job), startMode: 'unknown' }));
}
