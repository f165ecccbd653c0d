import type { SecuritySection } from '@deskside/protocol';
import { alfGlobalstateProbe } from '../../probes/macos/defaults-alf-globalstate.js';
import { fdesetupStatusProbe } from '../../probes/macos/fdesetup-status.js';
import { SectionUnknown, tryProbe, type CollectorEnv } from '../env.js';

/** FileVault (fdesetup) and the application firewall (com.apple.alf). XProtect is not reported as an antivirus product. */
export async function collectMacSecurity(env: CollectorEnv): Promise<SecuritySection> {
  const reasons: string[] = [];
  const fv = await tryProbe(fdesetupStatusProbe, env, reasons);
  const alf = await tryProbe(alfGlobalstateProbe, env, reasons);
  if (fv === undefined && alf === undefined) throw new SectionUnknown(reasons.join('; '));
  const encrypted = fv === undefined ? null : fv.state === 'on' || fv.state === 'encrypting';
  return {
    antivirus: null,
    firewallEnabled: alf === undefined ? null : alf !== 'off',
    firewallProfiles: alf === undefined ? [] : [{ name: 'application', enabled: alf !== 'off' }],
    diskEncryption: encrypted === null ? null : encrypted ? 'filevault' : 'none',
    systemVolumeEncrypted: encrypted,
    pendingUpdates: null,
    rebootPending: null,
  };
}
