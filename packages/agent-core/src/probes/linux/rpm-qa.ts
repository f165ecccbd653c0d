import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

export interface RpmPackage {
  readonly name: string;
  readonly arch: string;
  /** `VERSION-RELEASE`. */
  readonly version: string;
  /** ISO timestamp (UTC) from the epoch seconds rpm prints. */
  readonly installedAt?: string;
  readonly sizeBytes?: number;
  readonly vendor?: string;
  readonly summary?: string;
  readonly group?: string;
}

export const RPM_QUERY_FORMAT = '%{NAME}\\t%{ARCH}\\t%{VERSION}-%{RELEASE}\\t%{INSTALLTIME}\\t%{SIZE}\\t%{VENDOR}\\t%{SUMMARY}\\t%{GROUP}\\n';

/** `rpm -qa --queryformat` with the tab-separated format above; lines with too few fields are skipped. */
export function parseRpmQa(text: string): ProbeResult<RpmPackage[]> {
  const packages: RpmPackage[] = [];
  for (const line of text.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 3) continue;
    const [name = '', arch = '', version = '', time, size, vendor, summary, group] = cols;
    if (name === '') continue;
    const seconds = Number(time);
    const opt = (value: string | undefined): string | undefined => (value === undefined || value === '' || value === '(none)' ? undefined : value);
    packages.push({
      name,
      arch,
      version,
      installedAt: Number.isSafeInteger(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : undefined,
      sizeBytes: size !== undefined && /^\d+$/.test(size) ? Number(size) : undefined,
      vendor: opt(vendor),
      summary: opt(summary),
      group: opt(group) === 'Unspecified' ? undefined : opt(group),
    });
  }
  if (packages.length === 0) return unknown('no tab-separated package line');
  return ok(packages);
}

export const rpmQaProbe = defineTextProbe({
  id: 'linux.rpm-qa',
  platforms: ['linux'],
  commands: [{ file: 'rpm', args: ['-qa', '--queryformat', RPM_QUERY_FORMAT] }],
  parseText: parseRpmQa,
});
