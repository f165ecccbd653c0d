import type { InventoryDocument } from '@deskside/protocol';
import { formatDateTime } from '../../format/relative-time.js';
import { platformName } from '../../format/os-text.js';
import { DefinitionList } from '../DefinitionList.js';
import { SafeText } from '../SafeText.js';

/** Distribution, release, kernel, names and clock. */
export function OsSection({ os }: { os: NonNullable<InventoryDocument['os']> }) {
  return (
    <DefinitionList
      items={[
        ['Platform', <SafeText value={platformName(os.platform)} />],
        ['Distribution', <SafeText value={os.distro} />],
        ['Release', <SafeText value={os.release} />],
        ['Build', <SafeText value={os.build} />],
        ['Codename', <SafeText value={os.codename} />],
        ['Kernel', <SafeText value={os.kernel} className="mono" />],
        ['Architecture', <SafeText value={os.arch} />],
        ['Hostname', <SafeText value={os.hostname} />],
        ['FQDN', <SafeText value={os.fqdn} />],
        ['Time zone', <SafeText value={os.timezone} />],
        ['Last boot', os.lastBootAt ? formatDateTime(os.lastBootAt) : <span className="unknown">—</span>],
      ]}
    />
  );
}
