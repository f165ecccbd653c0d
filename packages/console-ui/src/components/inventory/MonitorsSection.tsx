import type { Monitor } from '@deskside/protocol';
import { SafeText } from '../SafeText.js';
import { YesNo } from '../YesNo.js';
import { ListTable } from './ListTable.js';

/** Monitors with the EDID serial (for asset tracking of screens). */
export function MonitorsSection({ monitors }: { monitors: readonly Monitor[] }) {
  return (
    <ListTable
      caption="Monitors"
      rows={monitors}
      empty="No monitor reported."
      columns={[
        { header: 'Model', cell: (m) => <><SafeText value={m.manufacturer} fallback="" /> <SafeText value={m.model} /></> },
        { header: 'Serial', className: 'mono', cell: (m) => <SafeText value={m.serial} /> },
        { header: 'Resolution', cell: (m) => <SafeText value={m.resolution} /> },
        { header: 'Built in', cell: (m) => <YesNo value={m.builtIn} /> },
      ]}
    />
  );
}
