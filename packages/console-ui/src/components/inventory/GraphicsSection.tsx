import type { GraphicsAdapter } from '@deskside/protocol';
import { Bytes } from '../Bytes.js';
import { SafeText } from '../SafeText.js';
import { ListTable } from './ListTable.js';

/** GPUs. */
export function GraphicsSection({ graphics }: { graphics: readonly GraphicsAdapter[] }) {
  return (
    <ListTable
      caption="Graphics adapters"
      rows={graphics}
      empty="No graphics adapter reported."
      columns={[
        { header: 'Model', cell: (g) => <SafeText value={g.model} /> },
        { header: 'Vendor', cell: (g) => <SafeText value={g.vendor} /> },
        { header: 'Memory', className: 'num', cell: (g) => <Bytes value={g.vramBytes} /> },
        { header: 'Driver', cell: (g) => <SafeText value={g.driverVersion} /> },
      ]}
    />
  );
}
