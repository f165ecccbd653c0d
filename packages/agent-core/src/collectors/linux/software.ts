import type { Software } from '@deskside/protocol';
import { dpkgQueryProbe } from '../../probes/linux/dpkg-query.js';
import { flatpakListProbe } from '../../probes/linux/flatpak-list.js';
import { rpmQaProbe } from '../../probes/linux/rpm-qa.js';
import { snapListProbe } from '../../probes/linux/snap-list.js';
import { SectionUnknown, tryProbe, type CollectorEnv } from '../env.js';
import { finishSoftware, softwareRow } from '../software-list.js';

/** Packages from every package manager present: dpkg, rpm, flatpak, snap (a missing one is skipped). */
export async function collectLinuxSoftware(env: CollectorEnv): Promise<Software[]> {
  const reasons: string[] = [];
  const [deb, rpm, flat, snap] = await Promise.all([
    tryProbe(dpkgQueryProbe, env, reasons),
    tryProbe(rpmQaProbe, env, reasons),
    tryProbe(flatpakListProbe, env, reasons),
    tryProbe(snapListProbe, env, reasons),
  ]);
  if (!deb && !rpm && !flat && !snap) throw new SectionUnknown(`no package manager answered: ${reasons.join('; ')}`);
  return finishSoftware([
    ...(deb ?? []).map((p) => softwareRow('dpkg', { name: p.name, version: p.version, publisher: p.maintainer, arch: p.arch })),
    ...(rpm ?? []).map((p) => softwareRow('rpm', { name: p.name, version: p.version, publisher: p.vendor, installDate: p.installedAt, arch: p.arch })),
    ...(flat ?? []).map((p) => softwareRow('flatpak', { name: p.name || p.application, version: p.branch, publisher: null })),
    ...(snap ?? []).map((p) => softwareRow('snap', { name: p.name, version: p.version, publisher: p.publisher })),
  ]);
}
