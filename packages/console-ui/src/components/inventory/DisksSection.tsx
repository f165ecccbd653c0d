import type { InventoryDocument } from '@deskside/protocol';
import { Bytes } from '../Bytes.js';
import { SafeText } from '../SafeText.js';

const SMART: Record<'ok' | 'failing' | 'unknown', string> = { ok: 'OK', failing: 'Failing', unknown: 'Unknown' };

/** Physical disks with their SMART verdict; a failing disk stands out. */
export function DisksSection({ disks }: { disks: NonNullable<InventoryDocument['disks']> }) {
  if (disks.length === 0) return <p className="muted">No physical disks reported.</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table compact">
        <caption className="visually-hidden">Physical disks</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Device</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col">Type</th>
            <th scope="col">Interface</th>
            <th scope="col">Serial</th>
            <th scope="col">SMART</th>
          </tr>
        </thead>
        <tbody>
          {disks.map((disk, index) => (
            <tr key={index}>
              <th scope="row">
                <SafeText value={disk.model} fallback={`Disk ${index + 1}`} />
              </th>
              <td className="mono">
                <SafeText value={disk.device} />
              </td>
              <td className="num">
                <Bytes value={disk.sizeBytes} />
              </td>
              <td>
                <SafeText value={disk.type} />
              </td>
              <td>
                <SafeText value={disk.interface} />
              </td>
              <td className="mono">
                <SafeText value={disk.serial} />
              </td>
              <td>
                <span className={`smart smart-${disk.smartStatus}`}>{SMART[disk.smartStatus]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
