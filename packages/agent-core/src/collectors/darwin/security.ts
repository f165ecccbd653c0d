import type { SecuritySection } from '@deskside/protocol';
import { alfGlobalstateProbe } from '../../probes/macos/defaults-alf-globalstate.js';
import { fdesetupStatusProbe } from '../../probes/macos/fdesetup-status.js';
import { xprotectVersionProbe } from '../../probes/macos/xprotect-version.js';
import { SectionUnknown, tryProbe, type CollectorEnv } from '../env.js';

/**
 * FileVault (fdesetup), the application firewall (com.apple.alf) and XProtect, the antivirus built
 * into macOS (always on; its definitions version goes in the name, the protocol has no version field).
 */
export async function collectMacSecurity(env: CollectorEnv): Promise<SecuritySection> {
  const reasons: string[] = [];
  const fv = await tryProbe(fdesetupStatusProbe, env, reasons);
  const alf = await tryProbe(alfGlobalstateProbe, env, reasons);
  if (fv === undefined && alf === undefined) throw new SectionUnknown(reasons.join('; '));
  const xprotect = await tryProbe(xprotectVersionProbe, env, reasons);
  const encrypted = fv === undefined ? null : fv.state === 'on' || fv.state === 'encrypting';
  return {
    antivirus: [{ name: xprotect === undefined ? 'XProtect' : `XProtect (definitions ${xprotect})`, enabled: true, upToDate: null }],
    firewallEnabled: alf === undefined ? null : alf !== 'off',
    firewallProfiles: alf === undefined ? [] : [{ name: 'application', enabled: alf !== 'off' }],
    diskEncryption: encrypted === null ? null : encrypted ? 'filevault' : 'none',
    systemVolumeEncrypted: encrypted,
    pendingUpdates: null,
    rebootPending: null,
  };
}
