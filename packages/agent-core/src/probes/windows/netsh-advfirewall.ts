import { defineTextProbe } from '../define-probe.js';
import { ok, unknown, type ProbeResult } from '../probe.js';
import type { FirewallProfileName } from './firewall-profile.js';

export interface NetshFirewallProfile {
  readonly profile: FirewallProfileName;
  readonly enabled: boolean;
  /** e.g. `BlockInbound,AllowOutbound`, when printed. */
  readonly policy?: string;
}

const HEADER = /^(Domain|Private|Public) Profile Settings:\s*$/i;

/**
 * `netsh advfirewall show allprofiles` (English UI). Fields are matched by name, not position:
 * `Firewall Policy` is printed after `RemoteManagement` in some profiles.
 */
export function parseNetshAdvfirewall(text: string): ProbeResult<NetshFirewallProfile[]> {
  const profiles: NetshFirewallProfile[] = [];
  let current: { profile: FirewallProfileName; enabled?: boolean; policy?: string } | undefined;
  const flush = (): void => {
    if (current?.enabled !== undefined) {
      profiles.push(current.policy === undefined ? { profile: current.profile, enabled: current.enabled } : { profile: current.profile, enabled: current.enabled, policy: current.policy });
    }
  };
  for (const line of text.split('\n')) {
    const header = HEADER.exec(line.trim());
    if (header) {
      flush();
      const name = (header[1] ?? '').toLowerCase();
      current = { profile: name === 'domain' ? 'domain' : name === 'private' ? 'private' : 'public' };
      continue;
    }
    if (!current) continue;
    const state = /^State\s+(ON|OFF)\s*$/i.exec(line.trim());
    if (state) current.enabled = (state[1] ?? '').toUpperCase() === 'ON';
    const policy = /^Firewall Policy\s+(\S+)\s*$/i.exec(line.trim());
    if (policy) current.policy = policy[1];
  }
  flush();
  if (profiles.length === 0) return unknown('no "<Profile> Profile Settings" block with a State line (non-English UI?)');
  return ok(profiles);
}

export const netshAdvfirewallProbe = defineTextProbe({
  id: 'windows.netsh-advfirewall',
  platforms: ['win32'],
  commands: [{ file: 'netsh.exe', args: ['advfirewall', 'show', 'allprofiles'] }],
  parseText: parseNetshAdvfirewall,
});
