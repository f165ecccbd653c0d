import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

export interface RebootRequirement {
  readonly rebootRequired: boolean;
  /** Packages named as the reason (`glibc`, `linux-firmware`). */
  readonly packages: readonly string[];
}

/**
 * `needs-restarting -r` (dnf/yum-utils). Exit code 1 also means "reboot required", so the probe
 * accepts it and the text decides.
 */
export function parseNeedsRestarting(text: string): ProbeResult<RebootRequirement> {
  const packages = [...text.matchAll(/^\s*\*\s+(\S+)/gm)].map((m) => m[1] ?? '');
  if (/Reboot is required/i.test(text)) return ok({ rebootRequired: true, packages });
  if (/Reboot should not be necessary|No core libraries or services have been updated/i.test(text)) return ok({ rebootRequired: false, packages: [] });
  return unknown('no "Reboot is required" / "Reboot should not be necessary" line');
}

export const needsRestartingProbe = defineTextProbe({
  id: 'linux.needs-restarting',
  platforms: ['linux'],
  commands: [{ file: 'needs-restarting', args: ['-r'], acceptExitCode: (code) => code === 0 || code === 1 }],
  parseText: parseNeedsRestarting,
});
