import type { InventoryDocument } from '@deskside/protocol';
import { Bytes } from '../Bytes.js';
import { SafeText } from '../SafeText.js';

/** Installed memory, and the modules in their slots. */
export function MemorySection({ memory }: { memory: NonNullable<InventoryDocument['memory']> }) {
  return (
    <>
      <p className="section-lead">
        <Bytes value={memory.totalBytes} /> installed
        {memory.modules.length > 0 ? ` in ${memory.modules.length} module${memory.modules.length === 1 ? '' : 's'}` : ''}
      </p>
      {memory.modules.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table compact">
            <caption className="visually-hidden">Memory modules</caption>
            <thead>
              <tr>
                <th scope="col">Slot</th>
                <th scope="col" className="num">
                  Size
                </th>
                <th scope="col">Type</th>
                <th scope="col" className="num">
                  Speed
                </th>
                <th scope="col">Manufacturer</th>
                <th scope="col">Serial</th>
              </tr>
            </thead>
            <tbody>
              {memory.modules.map((module, index) => (
                <tr key={index}>
                  <th scope="row">
                    <SafeText value={module.slot} fallback={`#${index + 1}`} />
                  </th>
                  <td className="num">
                    <Bytes value={module.sizeBytes} />
                  </td>
                  <td>
                    <SafeText value={module.type} />
                  </td>
                  <td className="num">{module.speedMHz === null ? <span className="unknown">—</span> : `${module.speedMHz} MHz`}</td>
                  <td>
                    <SafeText value={module.manufacturer} />
                  </td>
                  <td className="mono">
                    <SafeText value={module.serial} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
