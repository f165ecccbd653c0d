import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

const SEARCH = "(New-Object -ComObject Microsoft.Update.Session).CreateUpdateSearcher().Search('IsInstalled=0 and IsHidden=0').Updates.Count";

/**
 * Pending OS updates through the Windows Update agent's COM API: one PowerShell call, no shell.
 * The search may contact Windows Update (or WSUS) and takes up to a minute, hence the long timeout.
 */
export const windowsUpdatePendingProbe = defineTextProbe({
  id: 'windows.update-searcher-pending',
  platforms: ['win32'],
  commands: [{ file: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', SEARCH], timeoutMs: 120_000 }],
  parseText: parseWindowsUpdatePending,
});

/** The searcher prints one integer; anything else (an exception text, a policy block) is no answer. */
export function parseWindowsUpdatePending(text: string): ProbeResult<number> {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return unknown(`update searcher answered ${JSON.stringify(trimmed.slice(0, 80))}`);
  return ok(Number(trimmed));
}
