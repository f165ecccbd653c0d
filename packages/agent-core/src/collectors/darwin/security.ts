import type { SecuritySection } from '@deskside/protocol';
import { alfGlobalstateProbe } from '../../probes/macos/defaults-alf-globalstate.js';
import { fdesetupStatusProbe } from '../../probes/macos/fdesetup-status.js';
import { xprotectVersionProbe } from '../../probes/macos/xprotect-version.js';
import { SectionUnknown, tryProbe, type CollectorEnv } from '../env.js';

/**
 * FileVault (fdesetup), the application firewall (com.apple.alf) and XProtect, the antivirus built
 * into macOS (always on). XProtect's Info.plist gives the definitions version but no date, so
 * `definitionsUpdatedAt` is left out rather than guessed from a file time; `upToDate` stays unknown
 * because nothing local says which version is current.
 */
export async function collectMacSecurity(env: CollectorEnv): Promise<SecuritySection> {
  const reasons: string[] = [];
  const fv = await tryProbe(fdesetupStatusProbe, env, reasons);
  const alf = await tryProbe(alfGlobalstateProbe, env, reasons);
  if (fv === undefined && alf === undefined) throw new SectionUnknown(reasons.join('; '));
  const xprotect = await tryProbe(xprotectVersionProbe, env, reasons);
  const encrypted = fv === undefined ? null : fv.state === 'on' || fv.state === 'encrypting';
  return {
    // The version is its own field, not part of the name: a name that changed daily would read as another product.
    antivirus: [{ name: 'XProtect', enabled: true, upToDate: null, definitionsVersion: xprotect ?? null }],
    firewallEnabled: alf === undefined ? null : alf !== 'off',
    firewallProfiles: alf === undefined ? [] : [{ name: 'application', enabled: alf !== 'off' }],
    diskEncryption: encrypted === null ? null : encrypted ? 'filevault' : 'none',
    systemVolumeEncrypted: encrypted,
    pendingUpdates: null,
    rebootPending: null,
  };
}
