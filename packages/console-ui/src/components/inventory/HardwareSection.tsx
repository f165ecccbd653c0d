import type { HardwareSection as Hardware } from '@deskside/protocol';
import { DefinitionList } from '../DefinitionList.js';
import { SafeText } from '../SafeText.js';
import { YesNo } from '../YesNo.js';

/** Firmware, board and enclosure. */
export function HardwareSection({ hardware }: { hardware: Hardware }) {
  return (
    <DefinitionList
      items={[
        ['Chassis', <SafeText value={hardware.chassisType} />],
        ['Asset tag', <SafeText value={hardware.assetTag} />],
        ['BIOS', <><SafeText value={hardware.biosVendor} /> <SafeText value={hardware.biosVersion} fallback="" /></>],
        ['BIOS date', <SafeText value={hardware.biosDate} />],
        ['Baseboard', <><SafeText value={hardware.baseboardManufacturer} /> <SafeText value={hardware.baseboardModel} fallback="" /></>],
        ['Baseboard serial', <SafeText value={hardware.baseboardSerial} className="mono" />],
        ['Secure Boot', <YesNo value={hardware.secureBoot} />],
      ]}
    />
  );
}
