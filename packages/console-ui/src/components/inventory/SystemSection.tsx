import type { InventoryDocument } from '@deskside/protocol';
import { DefinitionList } from '../DefinitionList.js';
import { SafeText } from '../SafeText.js';
import { YesNo } from '../YesNo.js';

/** Manufacturer, model, serial: what identifies the hardware. */
export function SystemSection({ system }: { system: NonNullable<InventoryDocument['system']> }) {
  return (
    <DefinitionList
      items={[
        ['Manufacturer', <SafeText value={system.manufacturer} />],
        ['Model', <SafeText value={system.model} />],
        ['Version', <SafeText value={system.version} />],
        ['Serial number', <SafeText value={system.serial} className="mono" />],
        ['UUID', <SafeText value={system.uuid} className="mono" />],
        ['SKU', <SafeText value={system.sku} />],
        ['Virtual machine', <YesNo value={system.virtual} />],
      ]}
    />
  );
}
