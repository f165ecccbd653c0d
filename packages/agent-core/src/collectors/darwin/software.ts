import type { Software } from '@deskside/protocol';
import { spApplicationsProbe } from '../../probes/macos/sp-applications.js';
import { probeValue, type CollectorEnv } from '../env.js';
import { finishSoftware, publisherFromSigner, softwareRow } from '../software-list.js';

/** Applications as System Information lists them; the publisher is the code signer. */
export async function collectMacSoftware(env: CollectorEnv): Promise<Software[]> {
  const apps = await probeValue(spApplicationsProbe, env);
  return finishSoftware(
    apps.map((a) =>
      softwareRow('applications', {
        name: a.name,
        version: a.version,
        publisher: publisherFromSigner(a.signedBy),
        installDate: a.lastModified?.iso ?? undefined,
        arch: a.kind,
      }),
    ),
  );
}
