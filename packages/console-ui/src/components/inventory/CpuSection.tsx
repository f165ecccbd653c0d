import type { InventoryDocument } from '@deskside/protocol';
import { DefinitionList } from '../DefinitionList.js';
import { SafeText } from '../SafeText.js';

/** Processor brand, cores and clock. */
export function CpuSection({ cpu }: { cpu: NonNullable<InventoryDocument['cpu']> }) {
  return (
    <DefinitionList
      items={[
        ['Manufacturer', <SafeText value={cpu.manufacturer} />],
        ['Model', <SafeText value={cpu.brand} />],
        ['Cores', `${cpu.physicalCores} physical, ${cpu.cores} logical`],
        ['Base speed', cpu.speedGHz === null ? <span className="unknown">—</span> : `${cpu.speedGHz.toFixed(2)} GHz`],
      ]}
    />
  );
}
