import type { UsbDevice } from '@deskside/protocol';
import { SafeText } from '../SafeText.js';
import { ListTable } from './ListTable.js';

/** USB devices (root hubs left out by the agent). */
export function UsbSection({ devices }: { devices: readonly UsbDevice[] }) {
  return (
    <ListTable
      caption="USB devices"
      rows={devices}
      empty="No USB device reported."
      columns={[
        { header: 'Name', cell: (d) => <SafeText value={d.name} /> },
        { header: 'Manufacturer', cell: (d) => <SafeText value={d.manufacturer} /> },
        { header: 'Class', cell: (d) => <SafeText value={d.deviceClass} /> },
        { header: 'Serial', className: 'mono', cell: (d) => <SafeText value={d.serial} /> },
      ]}
    />
  );
}
