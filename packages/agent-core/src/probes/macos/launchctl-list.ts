import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';

/** One launchd job: its label, the pid while it runs, and the last exit status (negative: killed by that signal). */
export interface LaunchdJob {
  readonly label: string;
  readonly pid: number | null;
  readonly lastExitStatus: number | null;
}

/**
 * `launchctl list`: a `PID\tStatus\tLabel` header, then one tab-separated row per job loaded in the
 * caller's domain (the system domain as root). `-` stands for "not running" / "no status".
 */
export function parseLaunchctlList(text: string): ProbeResult<LaunchdJob[]> {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (!/^PID\s+Status\s+Label\s*$/.test(lines[0] ?? '')) return unknown(`no launchctl header: ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`);
  const jobs: LaunchdJob[] = [];
  for (const line of lines.slice(1)) {
    const m = /^(-|\d+)\t(-|-?\d+)\t(.+)$/.exec(line);
    if (!m) continue;
    const [, pid = '-', status = '-', label = ''] = m;
    jobs.push({ label: label.trim(), pid: pid === '-' ? null : Number(pid), lastExitStatus: status === '-' ? null : Number(status) });
  }
  return ok(jobs);
}

export const launchctlListProbe = defineTextProbe({
  id: 'macos.launchctl-list',
  platforms: ['darwin'],
  commands: [{ file: '/bin/launchctl', args: ['list'] }],
  parseText: parseLaunchctlList,
});
