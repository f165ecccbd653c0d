import type { SecuritySection } from '@deskside/protocol';
import { defineTextProbe } from '../../probes/define-probe.js';
import { ok } from '../../probes/probe.js';
import { firewallPolicyRegistryProbe } from '../../probes/windows/reg-export-firewall-policy.js';
import { manageBdeStatusProbe } from '../../probes/windows/manage-bde-status.js';
import { netshAdvfirewallProbe } from '../../probes/windows/netsh-advfirewall.js';
import { windowsUpdatePendingProbe } from '../../probes/windows/windows-update-pending.js';
import { SectionUnknown, tryProbe, type CollectorEnv } from '../env.js';
import { collectWindowsAntivirus } from './antivirus.js';

/** Data on disk is (being) encrypted in these states, even while protection is suspended. */
const ENCRYPTED = new Set<string>(['fully-encrypted', 'used-space-only-encrypted', 'encrypting', 'encryption-paused', 'decrypting', 'decryption-paused']);

/** Each key exists only while a reboot is pending (Windows Update, Component Based Servicing). */
const REBOOT_KEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
];

/** `reg query KEY`: exit 0 when the key exists, 1 when it does not. */
export const rebootPendingProbe = defineTextProbe({
  id: 'windows.reboot-pending',
  platforms: ['win32'],
  commands: [
    { file: 'reg.exe', args: ['query', REBOOT_KEYS[0] ?? ''], acceptExitCode: () => true },
    { file: 'reg.exe', args: ['query', REBOOT_KEYS[1] ?? ''], acceptExitCode: () => true },
  ],
  // reg query prints the key path back on success; an absent key prints nothing on stdout.
  parseText: (t) => ok(/HKEY_LOCAL_MACHINE/i.test(t)),
  combine: (values) => values.some(Boolean),
});

/** Antivirus (Security Center, Defender's definitions from Get-MpComputerStatus), firewall (netsh, else the policy registry), BitLocker on C:, pending updates, reboot pending. */
export async function collectWindowsSecurity(env: CollectorEnv): Promise<SecuritySection> {
  const reasons: string[] = [];
  // The update search waits on the network for up to a minute: start it first, alongside the quick probes.
  const updates = tryProbe(windowsUpdatePendingProbe, env, reasons);
  const [av, netsh, bde, reboot] = [
    await collectWindowsAntivirus(env, reasons),
    await tryProbe(netshAdvfirewallProbe, env, reasons),
    await tryProbe(manageBdeStatusProbe, env, reasons),
    await tryProbe(rebootPendingProbe, env, reasons),
  ];
  const profiles = netsh ?? (await tryProbe(firewallPolicyRegistryProbe, env, reasons));
  const system = bde?.find((v) => v.mount?.toUpperCase().startsWith('C:')) ?? bde?.[0];
  const encrypted = system === undefined ? null : system.conversion === 'unknown' ? null : ENCRYPTED.has(system.conversion);
  const section: SecuritySection = {
    antivirus: av ?? null,
    firewallEnabled: profiles === undefined || profiles.length === 0 ? null : profiles.every((p) => p.enabled),
    firewallProfiles: (profiles ?? []).slice(0, 8).map((p) => ({ name: p.profile, enabled: p.enabled })),
    diskEncryption: system === undefined ? null : encrypted ? 'bitlocker' : 'none',
    systemVolumeEncrypted: encrypted,
    pendingUpdates: (await updates) ?? null,
    rebootPending: reboot ?? null,
  };
  if (av === undefined && profiles === undefined && system === undefined && reboot === undefined) throw new SectionUnknown(reasons.join('; '));
  return section;
}
