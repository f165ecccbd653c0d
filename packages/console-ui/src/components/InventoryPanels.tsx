import type { InventoryDocument } from '@deskside/protocol';
import { Fragment, type ReactNode } from 'react';
import type { LatestWifi } from '../format/wifi-signal.js';
import { CpuSection } from './inventory/CpuSection.js';
import { DisksSection } from './inventory/DisksSection.js';
import { MemorySection } from './inventory/MemorySection.js';
import { NetworkSection } from './inventory/NetworkSection.js';
import { OsSection } from './inventory/OsSection.js';
import { ProbeReports } from './inventory/ProbeReports.js';
import { SystemSection } from './inventory/SystemSection.js';
import { VolumesSection } from './inventory/VolumesSection.js';
import { InventorySection } from './InventorySection.js';
import { BatterySection } from './inventory/BatterySection.js';
import { GraphicsSection } from './inventory/GraphicsSection.js';
import { HardwareSection } from './inventory/HardwareSection.js';
import { MonitorsSection } from './inventory/MonitorsSection.js';
import { PrintersSection } from './inventory/PrintersSection.js';
import { SecuritySection } from './inventory/SecuritySection.js';
import { ServicesSection } from './inventory/ServicesSection.js';
import { SoftwareSection } from './inventory/SoftwareSection.js';
import { StartupSection } from './inventory/StartupSection.js';
import { UsbSection } from './inventory/UsbSection.js';
import { UsersSection } from './inventory/UsersSection.js';

/** The sections in their page order; the device page shows them in groups (hardware, software, …). */
export const INVENTORY_ORDER = ['system', 'os', 'cpu', 'memory', 'disks', 'volumes', 'network', 'hardware', 'security', 'users', 'graphics', 'monitors', 'battery', 'printers', 'usbDevices', 'software', 'services', 'startupItems', 'probes'] as const;
export type InventoryPanelName = (typeof INVENTORY_ORDER)[number];

/**
 * Inventory sections (all, or `only` these, in page order); a missing one says why (from its
 * probe report). `wifiSignal` (from the latest heartbeats, not the inventory) goes next to the
 * Wi-Fi network. `wide`: one section per row (long tables: software, services).
 */
export function InventoryPanels({
  inventory,
  wifiSignal,
  only,
  wide = false,
}: {
  inventory: InventoryDocument;
  wifiSignal?: LatestWifi | undefined;
  only?: readonly InventoryPanelName[];
  wide?: boolean;
}) {
  const probe = (section: string) => inventory.probes.find((p) => p.section === section);
  const { system, os, cpu, memory, disks, volumes, network } = inventory;
  const panels: Record<InventoryPanelName, ReactNode> = {
    system: (
      <InventorySection name="system" title="System" probe={probe('system')}>
        {system ? <SystemSection system={system} /> : null}
      </InventorySection>
    ),
    os: (
      <InventorySection name="os" title="Operating system" probe={probe('os')}>
        {os ? <OsSection os={os} /> : null}
      </InventorySection>
    ),
    cpu: (
      <InventorySection name="cpu" title="CPU" probe={probe('cpu')}>
        {cpu ? <CpuSection cpu={cpu} /> : null}
      </InventorySection>
    ),
    memory: (
      <InventorySection name="memory" title="Memory" probe={probe('memory')}>
        {memory ? <MemorySection memory={memory} /> : null}
      </InventorySection>
    ),
    disks: (
      <InventorySection name="disks" title="Disks" probe={probe('disks')}>
        {disks ? <DisksSection disks={disks} /> : null}
      </InventorySection>
    ),
    volumes: (
      <InventorySection name="volumes" title="Volumes" probe={probe('volumes')}>
        {volumes ? <VolumesSection volumes={volumes} /> : null}
      </InventorySection>
    ),
    network: (
      <InventorySection name="network" title="Network adapters" probe={probe('network')}>
        {network ? <NetworkSection network={network} wifiSignal={wifiSignal} /> : null}
      </InventorySection>
    ),
    hardware: (
      <InventorySection name="hardware" title="Firmware and board" probe={probe('hardware')}>
        {inventory.hardware ? <HardwareSection hardware={inventory.hardware} /> : null}
      </InventorySection>
    ),
    security: (
      <InventorySection name="security" title="Security" probe={probe('security')}>
        {inventory.security ? <SecuritySection security={inventory.security} /> : null}
      </InventorySection>
    ),
    users: (
      <InventorySection name="users" title="Users" probe={probe('users')}>
        {inventory.users ? <UsersSection users={inventory.users} /> : null}
      </InventorySection>
    ),
    graphics: (
      <InventorySection name="graphics" title="Graphics" probe={probe('graphics')}>
        {inventory.graphics ? <GraphicsSection graphics={inventory.graphics} /> : null}
      </InventorySection>
    ),
    monitors: (
      <InventorySection name="monitors" title="Monitors" probe={probe('monitors')}>
        {inventory.monitors ? <MonitorsSection monitors={inventory.monitors} /> : null}
      </InventorySection>
    ),
    battery: (
      <InventorySection name="battery" title="Battery" probe={probe('battery')}>
        {inventory.battery ? <BatterySection battery={inventory.battery} /> : null}
      </InventorySection>
    ),
    printers: (
      <InventorySection name="printers" title="Printers" probe={probe('printers')}>
        {inventory.printers ? <PrintersSection printers={inventory.printers} /> : null}
      </InventorySection>
    ),
    usbDevices: (
      <InventorySection name="usbDevices" title="USB devices" probe={probe('usbDevices')}>
        {inventory.usbDevices ? <UsbSection devices={inventory.usbDevices} /> : null}
      </InventorySection>
    ),
    software: (
      <InventorySection name="software" title="Installed software" probe={probe('software')}>
        {inventory.software ? <SoftwareSection software={inventory.software} /> : null}
      </InventorySection>
    ),
    services: (
      <InventorySection name="services" title="Services" probe={probe('services')}>
        {inventory.services ? <ServicesSection services={inventory.services} /> : null}
      </InventorySection>
    ),
    startupItems: (
      <InventorySection name="startupItems" title="Start-up items" probe={probe('startupItems')}>
        {inventory.startupItems ? <StartupSection items={inventory.startupItems} /> : null}
      </InventorySection>
    ),
    probes: (
      <InventorySection name="probes" title="Probe reports">
        <ProbeReports probes={inventory.probes} />
      </InventorySection>
    ),
  };
  return <div className={wide ? 'inventory-grid inventory-wide' : 'inventory-grid'}>{(only ?? INVENTORY_ORDER).map((name) => <Fragment key={name}>{panels[name]}</Fragment>)}</div>;
}
