import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

const XPROTECT_INFO = '/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist';

/** `defaults read …/XProtect.bundle/Contents/Info.plist CFBundleShortVersionString`: the definitions version, e.g. `5287`. */
export function parseXprotectVersion(text: string): ProbeResult<string> {
  const trimmed = text.trim();
  return /^\d{1,9}(\.\d{1,9}){0,3}$/.test(trimmed) ? ok(trimmed) : unknown(`unexpected XProtect version ${JSON.stringify(trimmed.slice(0, 80))}`);
}

export const xprotectVersionProbe = defineTextProbe({
  id: 'macos.defaults-xprotect-version',
  platforms: ['darwin'],
  commands: [{ file: '/usr/bin/defaults', args: ['read', XPROTECT_INFO, 'CFBundleShortVersionString'] }],
  parseText: parseXprotectVersion,
});
