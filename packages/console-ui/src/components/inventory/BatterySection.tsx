import type { BatterySection as Battery } from '@deskside/protocol';
import { DefinitionList } from '../DefinitionList.js';
import { SafeText } from '../SafeText.js';
import { formatNumber } from '../../format/relative-time.js';

const capacity = (value: number | null, unit: Battery['capacityUnit']) => (value === null ? <span className="unknown">unknown</span> : `${formatNumber(value)} ${unit ?? ''}`);

/** Battery wear: design vs full capacity, cycles and health. */
export function BatterySection({ battery }: { battery: Battery }) {
  const worn = battery.healthPercent !== null && battery.healthPercent < 70;
  return (
    <DefinitionList
      items={[
        ['Health', battery.healthPercent === null ? <span className="unknown">unknown</span> : <span className={worn ? 'smart smart-failing' : ''}>{battery.healthPercent}%</span>],
        ['Design capacity', capacity(battery.designCapacity, battery.capacityUnit)],
        ['Full capacity', capacity(battery.fullCapacity, battery.capacityUnit)],
        ['Cycle count', battery.cycleCount === null ? <span className="unknown">unknown</span> : String(battery.cycleCount)],
        ['Model', <><SafeText value={battery.manufacturer} fallback="" /> <SafeText value={battery.model} /></>],
        ['Chemistry', <SafeText value={battery.chemistry} />],
        ['Serial', <SafeText value={battery.serial} className="mono" />],
      ]}
    />
  );
}
