import type { SecuritySection } from '@deskside/protocol';
import { defineTextProbe } from '../../probes/define-probe.js';
import { lsblkProbe } from '../../probes/linux/lsblk.js';
import { needsRestartingProbe } from '../../probes/linux/needs-restarting.js';
import { ok, unknown } from '../../probes/probe.js';
import { tryProbe, tryRead, type CollectorEnv } from '../env.js';
import { cachedPendingUpdates, realPendingUpdatesCacheDeps, type PendingUpdatesCacheDeps } from './pending-updates-cache.js';

/** `apt-get -s upgrade`: a dry run (no root needed, no change); each `Inst` line is one pending upgrade. */
export const aptSimulateUpgradeProbe = defineTextProbe({
  id: 'linux.apt-get-simulate-upgrade',
  platforms: ['linux'],
  commands: [{ file: 'apt-get', args: ['-s', '-o', 'Debug::NoLocking=true', 'upgrade'], timeoutMs: 60_000 }],
  parseText: (t) => ok(t.split('\n').filter((l) => l.startsWith('Inst ')).length),
});

/** `systemctl is-active <unit>` for the common firewall front-ends: `active` or not. */
const firewallActive = (unit: string) =>
  defineTextProbe({
    id: `linux.systemctl-is-active-${unit}`,
    platforms: ['linux'],
    commands: [{ file: 'systemctl', args: ['is-active', unit], acceptExitCode: () => true }],
    // Without systemd as PID 1 it prints `offline` or nothing: that is no answer, not "off".
    parseText: (t) => (t.trim() === 'active' ? ok(true) : /^(inactive|failed|dead)$/.test(t.trim()) ? ok(false) : unknown(`systemd answered ${JSON.stringify(t.trim().slice(0, 40))}`)),
  });

/** LUKS on the root file system, pending package upgrades, reboot required, firewall service. */
export async function collectLinuxSecurity(env: CollectorEnv, updatesCache: PendingUpdatesCacheDeps = realPendingUpdatesCacheDeps(env.home)): Promise<SecuritySection> {
  const reasons: string[] = [];
  const blocks = await tryProbe(lsblkProbe, env, reasons);
  const root = blocks?.find((b) => b.mountpoint === '/');
  const luks = blocks === undefined ? null : root === undefined ? null : isOnLuks(root.name, blocks);
  // Debian/Ubuntu drop a flag file; RHEL-family has needs-restarting.
  const flag = await tryRead(env, '/var/run/reboot-required');
  const reboot = flag !== undefined ? true : ((await tryProbe(needsRestartingProbe, env, reasons))?.rebootRequired ?? (await debianWithoutFlag(env)));
  const pending = (await cachedPendingUpdates(updatesCache, () => tryProbe(aptSimulateUpgradeProbe, env, reasons))) ?? null;
  const fw = [await tryProbe(firewallActive('ufw'), env, reasons), await tryProbe(firewallActive('firewalld'), env, reasons), await tryProbe(firewallActive('nftables'), env, reasons)];
  const anyAnswer = fw.some((v) => v !== undefined);
  return {
    antivirus: null,
    firewallEnabled: !anyAnswer ? null : fw.some((v) => v === true) ? true : fw.every((v) => v === false) ? false : null,
    firewallProfiles: [],
    diskEncryption: luks === null ? null : luks ? 'luks' : 'none',
    systemVolumeEncrypted: luks,
    pendingUpdates: pending,
    rebootPending: reboot,
  };
}

/** Walks parents from the root mount up: a `crypt` device on the way means LUKS (or plain dm-crypt). */
function isOnLuks(name: string, blocks: readonly { name: string; type: string; parent?: string; fstype?: string }[]): boolean {
  let current = blocks.find((b) => b.name === name);
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.type === 'crypt' || current.fstype === 'crypto_LUKS') return true;
    const parent = current.parent;
    current = parent === undefined ? undefined : blocks.find((b) => b.name === parent);
  }
  return false;
}

/** On Debian-family systems the absence of the flag file is itself the answer. */
async function debianWithoutFlag(env: CollectorEnv): Promise<boolean | null> {
  return (await tryRead(env, '/etc/debian_version')) !== undefined ? false : null;
}
