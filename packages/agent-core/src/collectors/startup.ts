import { MAX_STARTUP_ITEMS, type StartupItem } from '@deskside/protocol';
import { defineTextProbe } from '../probes/define-probe.js';
import { OUTPUT_FILE, ok, unknown } from '../probes/probe.js';
import { isRegistryExport, parseRegistryExport } from '../probes/windows/registry-export.js';
import { SectionUnknown, tryProbe, type CollectorEnv } from './env.js';
import { cut, text } from './normalize.js';

const RUN_KEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run',
  'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Run',
  'HKCU\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run',
] as const;

/** One value of a Run key = one program started at sign-in. */
export const runKeyProbe = (key: string) =>
  defineTextProbe({
    id: 'windows.reg-export-run',
    platforms: ['win32'],
    commands: [{ file: 'reg.exe', args: ['export', key, OUTPUT_FILE, '/y'] }],
    parseText: (t) => {
      if (!isRegistryExport(t)) return unknown('not a registry export');
      const items: StartupItem[] = [];
      for (const k of parseRegistryExport(t)) {
        for (const [name, value] of k.values) {
          if (name === '' || (value.type !== 'string' && value.type !== 'expand-string')) continue;
          items.push({ name: cut(name, 256), command: text(value.data, 1024), location: cut(key, 256), user: key.startsWith('HKCU') ? 'current user' : null });
        }
      }
      return ok(items);
    },
  });

/** Windows Run keys (machine, 32-bit and the current user's). */
export async function collectWindowsStartup(env: CollectorEnv): Promise<StartupItem[]> {
  const reasons: string[] = [];
  const items: StartupItem[] = [];
  let answered = 0;
  for (const key of RUN_KEYS) {
    const found = await tryProbe(runKeyProbe(key), env, reasons);
    if (found === undefined) continue;
    answered++;
    items.push(...found);
  }
  if (answered === 0) throw new SectionUnknown(reasons.join('; '));
  return items.slice(0, MAX_STARTUP_ITEMS);
}

/** macOS launchd jobs: the plist names in the LaunchAgents / LaunchDaemons folders. */
export async function collectMacStartup(env: CollectorEnv): Promise<StartupItem[]> {
  const dirs = ['/Library/LaunchAgents', '/Library/LaunchDaemons', ...(env.home ? [`${env.home}/Library/LaunchAgents`] : [])];
  const items: StartupItem[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = (await env.listDir(dir)).filter((n) => n.endsWith('.plist')).sort();
    } catch {
      continue;
    }
    const location = env.home && dir.startsWith(env.home) ? '~/Library/LaunchAgents' : dir;
    for (const n of names) items.push({ name: cut(n.replace(/\.plist$/, ''), 256), command: null, location, user: location.startsWith('~') ? 'current user' : null });
  }
  return items.slice(0, MAX_STARTUP_ITEMS);
}
