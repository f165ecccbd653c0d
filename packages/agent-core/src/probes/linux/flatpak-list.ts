import { defineTextProbe } from '../define-probe.js';
import { ok, type ProbeResult } from '../probe.js';

export interface FlatpakRef {
  readonly application: string;
  readonly branch: string;
  readonly installation: string;
  readonly name: string;
}

/** `flatpak list -a --columns=application,branch,installation,name` (tab-separated when piped). */
export function parseFlatpakList(text: string): ProbeResult<FlatpakRef[]> {
  const refs: FlatpakRef[] = [];
  for (const line of text.split('\n')) {
    const [application = '', branch = '', installation = '', ...name] = line.split('\t');
    if (application.trim() === '' || branch === '' || /^Application ID$/i.test(application.trim())) continue;
    refs.push({ application: application.trim(), branch: branch.trim(), installation: installation.trim(), name: name.join('\t').trim() });
  }
  // No flatpak installed at all prints nothing: an empty list is a real answer.
  return ok(refs);
}

export const flatpakListProbe = defineTextProbe({
  id: 'linux.flatpak-list',
  platforms: ['linux'],
  commands: [{ file: 'flatpak', args: ['list', '-a', '--columns=application,branch,installation,name'] }],
  parseText: parseFlatpakList,
});
