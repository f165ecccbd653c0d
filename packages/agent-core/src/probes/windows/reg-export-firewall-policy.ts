import { defineTextProbe } from '../define-probe.js';
import { OUTPUT_FILE, ok, unknown, type ProbeResult } from '../probe.js';
import type { FirewallProfileName, FirewallProfileState } from './firewall-profile.js';
import { isRegistryExport, parseRegistryExport } from './registry-export.js';

const PROFILE_KEYS: Record<string, FirewallProfileName> = {
  domainprofile: 'domain',
  standardprofile: 'private',
  publicprofile: 'public',
};

/**
 * Parses an export of `…\SharedAccess\Parameters\FirewallPolicy` (or one profile key under it):
 * `EnableFirewall` per profile. Key casing varies between Windows versions (`services`/`Services`).
 */
export function parseFirewallPolicyExport(text: string): ProbeResult<FirewallProfileState[]> {
  if (!isRegistryExport(text)) return unknown('not a registry export (missing REGEDIT4 / Registry Editor header)');
  const states: FirewallProfileState[] = [];
  for (const key of parseRegistryExport(text)) {
    const match = /\\FirewallPolicy\\([^\\]+)$/i.exec(key.path);
    const profile = PROFILE_KEYS[(match?.[1] ?? '').toLowerCase()];
    const value = key.values.get('EnableFirewall');
    if (profile === undefined || value?.type !== 'dword') continue;
    states.push({ profile, enabled: value.data !== 0 });
  }
  if (states.length === 0) return unknown('no firewall profile with EnableFirewall in the export');
  return ok(states);
}

/** Firewall state per profile from the policy registry (works without admin rights). */
export const firewallPolicyRegistryProbe = defineTextProbe({
  id: 'windows.reg-export-firewall-policy',
  platforms: ['win32'],
  commands: [
    {
      file: 'reg.exe',
      args: ['export', 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy', OUTPUT_FILE, '/y'],
    },
  ],
  parseText: parseFirewallPolicyExport,
});
