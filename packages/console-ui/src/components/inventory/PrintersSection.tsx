import type { Printer } from '@deskside/protocol';
import { SafeText } from '../SafeText.js';
import { YesNo } from '../YesNo.js';
import { ListTable } from './ListTable.js';

/** Installed printers. */
export function PrintersSection({ printers }: { printers: readonly Printer[] }) {
  return (
    <ListTable
      caption="Printers"
      rows={printers}
      empty="No printer installed."
      columns={[
        { header: 'Name', cell: (p) => <SafeText value={p.name} /> },
        { header: 'Driver', cell: (p) => <SafeText value={p.driver} /> },
        { header: 'Port', className: 'mono', cell: (p) => <SafeText value={p.port} /> },
        { header: 'Default', cell: (p) => <YesNo value={p.isDefault} /> },
        { header: 'Network', cell: (p) => <YesNo value={p.network} /> },
      ]}
    />
  );
}
