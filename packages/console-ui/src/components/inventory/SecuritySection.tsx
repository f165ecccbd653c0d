import type { SecuritySection as Security } from '@deskside/protocol';
import { DefinitionList } from '../DefinitionList.js';
import { AntivirusItem } from './AntivirusItem.js';
import { SafeText } from '../SafeText.js';
import { YesNo } from '../YesNo.js';

const ENCRYPTION: Record<NonNullable<Security['diskEncryption']>, string> = { bitlocker: 'BitLocker', filevault: 'FileVault', luks: 'LUKS', none: 'None' };

/** Antivirus, firewall, disk encryption, pending updates and reboot. */
export function SecuritySection({ security }: { security: Security }) {
  return (
    <DefinitionList
      items={[
        [
          'Antivirus',
          security.antivirus === null ? (
            <span className="unknown">unknown</span>
          ) : security.antivirus.length === 0 ? (
            'None registered'
          ) : (
            <ul className="plain-list">
              {security.antivirus.map((a, i) => (
                <li key={i}>
                  <AntivirusItem product={a} />
                </li>
              ))}
            </ul>
          ),
        ],
        [
          'Firewall',
          <>
            <YesNo value={security.firewallEnabled} />
            {security.firewallProfiles.length > 0 && (
              <span className="muted">
                {' '}
                ({security.firewallProfiles.map((p, i) => (
                  <span key={i}>
                    {i > 0 ? ', ' : ''}
                    <SafeText value={p.name} /> {p.enabled === null ? '?' : p.enabled ? 'on' : 'off'}
                  </span>
                ))}
                )
              </span>
            )}
          </>,
        ],
        ['Disk encryption', security.diskEncryption === null ? <span className="unknown">unknown</span> : ENCRYPTION[security.diskEncryption]],
        ['System volume encrypted', <YesNo value={security.systemVolumeEncrypted} />],
        ['Pending updates', security.pendingUpdates === null ? <span className="unknown">unknown</span> : String(security.pendingUpdates)],
        ['Reboot pending', <YesNo value={security.rebootPending} />],
      ]}
    />
  );
}
