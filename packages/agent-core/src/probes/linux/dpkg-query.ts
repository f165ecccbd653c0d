import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

export interface DpkgPackage {
  readonly name: string;
  readonly version: string;
  readonly arch?: string;
  /** The Maintainer field: the closest dpkg has to a publisher ("Ubuntu Developers <…>"), e-mail removed. */
  readonly maintainer?: string;
}

/** Tab-separated, one package a line; the status column comes first so partial lines are easy to spot. */
export const DPKG_QUERY_FORMAT = '${db:Status-Abbrev}\\t${Package}\\t${Version}\\t${Architecture}\\t${Maintainer}\\n';

/**
 * `dpkg-query -W -f=<DPKG_QUERY_FORMAT>`. Only packages that are installed (`ii`, or `iU`/`iF`
 * half-configured ones, which are still on disk) count; removed-but-configured (`rc`) are skipped.
 */
export function parseDpkgQuery(text: string): ProbeResult<DpkgPackage[]> {
  const packages: DpkgPackage[] = [];
  let lines = 0;
  for (const line of text.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 3) continue;
    lines++;
    const [status = '', name = '', version = '', arch, maintainer] = cols;
    if (!/^i[iUFHWt]/.test(status.trim()) || name === '' || version === '') continue;
    const who = maintainer?.replace(/<[^>]*>/g, '').trim();
    packages.push({
      name,
      version,
      ...(arch ? { arch } : {}),
      ...(who ? { maintainer: who } : {}),
    });
  }
  if (lines === 0) return unknown('no tab-separated package line in dpkg-query output');
  return ok(packages);
}

export const dpkgQueryProbe = defineTextProbe({
  id: 'linux.dpkg-query',
  platforms: ['linux'],
  commands: [{ file: 'dpkg-query', args: ['-W', `-f=${DPKG_QUERY_FORMAT.replace(/\\t/g, '\t').replace(/\\n/g, '\n')}`] }],
  parseText: parseDpkgQuery,
});
