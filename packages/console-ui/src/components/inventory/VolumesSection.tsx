import type { InventoryDocument } from '@deskside/protocol';
import { usedPercent } from '../../format/bytes.js';
import { SafeText } from '../SafeText.js';
import { UsageMeter } from '../UsageMeter.js';
import { YesNo } from '../YesNo.js';

/** Mounted volumes with how full they are. */
export function VolumesSection({ volumes }: { volumes: NonNullable<InventoryDocument['volumes']> }) {
  if (volumes.length === 0) return <p className="muted">No volumes reported.</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="data-table compact">
        <caption className="visually-hidden">Volumes</caption>
        <thead>
          <tr>
            <th scope="col">Mount</th>
            <th scope="col">Label</th>
            <th scope="col">File system</th>
            <th scope="col">Usage</th>
            <th scope="col" className="num">
              Used
            </th>
            <th scope="col">Removable</th>
            <th scope="col">Encrypted</th>
          </tr>
        </thead>
        <tbody>
          {volumes.map((volume, index) => {
            const percent = usedPercent(volume.usedBytes, volume.sizeBytes);
            return (
              <tr key={index}>
                <th scope="row" className="mono">
                  <SafeText value={volume.mount} />
                </th>
                <td>
                  <SafeText value={volume.label} />
                </td>
                <td>
                  <SafeText value={volume.fs} />
                </td>
                <td>
                  <UsageMeter used={volume.usedBytes} total={volume.sizeBytes} label={`Volume ${index + 1}`} />
                </td>
                <td className="num">{percent === null ? '—' : `${percent}%`}</td>
                <td>
                  <YesNo value={volume.removable} />
                </td>
                <td>
                  <YesNo value={volume.encrypted} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
