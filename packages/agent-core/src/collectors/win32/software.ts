import type { Software } from '@deskside/protocol';
import { defineTextProbe } from '../../probes/define-probe.js';
import { OUTPUT_FILE } from '../../probes/probe.js';
import { parseUninstallExport } from '../../probes/windows/reg-export-uninstall.js';
import { SectionUnknown, tryProbe, type CollectorEnv } from '../env.js';
import { finishSoftware, softwareRow } from '../software-list.js';

/** The three Uninstall views "Apps & features" merges, each exported on its own so the row knows where it came from. */
export const UNINSTALL_VIEWS = [
  { source: 'registry', key: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall', arch: 'x64' },
  { source: 'registry-wow64', key: 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall', arch: 'x86' },
  { source: 'registry-user', key: 'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall', arch: null },
] as const;

const viewProbe = (key: string) =>
  defineTextProbe({
    id: 'windows.reg-export-uninstall',
    platforms: ['win32'],
    commands: [{ file: 'reg.exe', args: ['export', key, OUTPUT_FILE, '/y'] }],
    parseText: parseUninstallExport,
  });

/** Installed programs from the 64-bit, 32-bit (WOW6432Node) and per-user Uninstall keys. */
export async function collectWindowsSoftware(env: CollectorEnv): Promise<Software[]> {
  const reasons: string[] = [];
  const rows: (Software | null)[] = [];
  let answered = 0;
  for (const view of UNINSTALL_VIEWS) {
    const entries = await tryProbe(viewProbe(view.key), env, reasons);
    if (entries === undefined) continue;
    answered++;
    for (const e of entries) rows.push(softwareRow(view.source, { ...e, arch: view.arch }));
  }
  // The WOW6432Node key is absent on 32-bit Windows and HKCU's on fresh profiles: only all three failing is unknown.
  if (answered === 0) throw new SectionUnknown(reasons.join('; '));
  return finishSoftware(rows);
}
