import type { InventoryDocument } from '@deskside/protocol';
import { CpuSection } from './inventory/CpuSection.js';
import { DisksSection } from './inventory/DisksSection.js';
import { MemorySection } from './inventory/MemorySection.js';
import { NetworkSection } from './inventory/NetworkSection.js';
import { OsSection } from './inventory/OsSection.js';
import { ProbeReports } from './inventory/ProbeReports.js';
import { SystemSection } from './inventory/SystemSection.js';
import { VolumesSection } from './inventory/VolumesSection.js';
import { InventorySection } from './InventorySection.js';

/** Every inventory section in a fixed order; a missing one says why (from its probe report). */
export function InventoryPanels({ inventory }: { inventory: InventoryDocument }) {
  const probe = (section: string) => inventory.probes.find((p) => p.section === section);
  const { system, os, cpu, memory, disks, volumes, network } = inventory;
  return (
    <div className="inventory-grid">
      <InventorySection name="system" title="System" probe={probe('system')}>
        {system ? <SystemSection system={system} /> : null}
      </InventorySection>
      <InventorySection name="os" title="Operating system" probe={probe('os')}>
        {os ? <OsSection os={os} /> : null}
      </InventorySection>
      <InventorySection name="cpu" title="CPU" probe={probe('cpu')}>
        {cpu ? <CpuSection cpu={cpu} /> : null}
      </InventorySection>
      <InventorySection name="memory" title="Memory" probe={probe('memory')}>
        {memory ? <MemorySection memory={memory} /> : null}
      </InventorySection>
      <InventorySection name="disks" title="Disks" probe={probe('disks')}>
        {disks ? <DisksSection disks={disks} /> : null}
      </InventorySection>
      <InventorySection name="volumes" title="Volumes" probe={probe('volumes')}>
        {volumes ? <VolumesSection volumes={volumes} /> : null}
      </InventorySection>
      <InventorySection name="network" title="Network adapters" probe={probe('network')}>
        {network ? <NetworkSection network={network} /> : null}
      </InventorySection>
      <InventorySection name="probes" title="Probe reports">
        <ProbeReports probes={inventory.probes} />
      </InventorySection>
    </div>
  );
}
