import { INVENTORY_SECTIONS, InventoryDocumentSchema, type DeviceChange, type InventoryDocument } from '@deskside/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InventoryPanels } from '../InventoryPanels.js';
import { ChangesPanel } from './ChangesPanel.js';

const RLO = '\u202E';
const hostile = `evil${RLO}exe.txt<script>alert(1)</script>`;

const inventory: InventoryDocument = {
  schemaVersion: 1,
  collectedAt: '2026-03-10T12:00:00Z',
  agentVersion: '0.1.0',
  probes: [{ section: 'battery', ms: 3, status: 'unknown', reason: 'no battery found (desktop, server or virtual machine)' }],
  hardware: { chassisType: 'Notebook', assetTag: 'IT-0042', biosVendor: 'LENOVO', biosVersion: 'N2HET70W', biosDate: '2023-05-01', baseboardManufacturer: 'LENOVO', baseboardModel: '20XW', baseboardSerial: 'L1HF1AB', secureBoot: true },
  graphics: [{ model: 'Iris Xe', vendor: 'Intel', vramBytes: 128 * 2 ** 20, bus: 'PCIe', driverVersion: '31.0.101' }],
  monitors: [{ manufacturer: 'DEL', model: 'U2720Q', serial: 'CN0ABC', resolution: '3840x2160', builtIn: false, connection: 'DP' }],
  printers: [{ name: hostile, driver: 'HP Universal', port: 'IP_10.0.0.9', isDefault: true, shared: false, network: true }],
  usbDevices: [{ name: 'YubiKey', manufacturer: 'Yubico', vendorId: '1050', productId: null, serial: null, deviceClass: 'HID' }],
  users: { loggedIn: [{ name: 'alice', session: 'console', since: null }], local: [{ name: 'Administrator', fullName: null, admin: true, disabled: true }] },
  software: Array.from({ length: 600 }, (_, i) => ({ name: i === 0 ? hostile : `App ${i}`, version: '1.0', publisher: 'Contoso', installDate: '2025-01-01', source: 'registry' as const, arch: 'x64' })),
  security: { antivirus: [{ name: 'Windows Defender', enabled: true, upToDate: false }], firewallEnabled: true, firewallProfiles: [{ name: 'public', enabled: true }], diskEncryption: 'bitlocker', systemVolumeEncrypted: true, pendingUpdates: 3, rebootPending: true },
  services: [{ name: 'Spooler', displayName: 'Print Spooler', state: 'failed', startMode: 'auto' }],
  startupItems: [{ name: 'OneDrive', command: '"C:\\Program Files\\OneDrive.exe" /background', location: 'HKCU\\...\\Run', user: 'current user' }],
};

describe('new inventory sections', () => {
  it('fixture is a valid document', () => expect(InventoryDocumentSchema.safeParse(inventory).success).toBe(true));

  it('renders a panel for every protocol section, with data or the reason it is unknown', () => {
    const html = renderToStaticMarkup(createElement(InventoryPanels, { inventory }));
    for (const section of INVENTORY_SECTIONS) expect(html).toContain(`data-section="${section}"`);
    for (const text of ['N2HET70W', 'U2720Q', 'YubiKey', 'Windows Defender', 'BitLocker', 'Print Spooler', 'OneDrive', 'no battery found', 'Showing 200 of 600', 'Show 200 more']) {
      expect(html).toContain(text);
    }
  });

  it('never renders agent text as markup, and shows hidden direction marks', () => {
    const html = renderToStaticMarkup(createElement(InventoryPanels, { inventory }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain(RLO);
    expect(html).toContain('U+202E');
  });
});

describe('ChangesPanel', () => {
  const change = (summary: string, kind: DeviceChange['kind'] = 'changed'): DeviceChange => ({ id: '01J00000000000000000000000', deviceId: '01J00000000000000000000001', at: '2026-03-10T12:00:00Z', section: 'memory', kind, summary, before: null, after: null });

  it('lists changes newest first as given, escaping agent text', () => {
    const html = renderToStaticMarkup(createElement(ChangesPanel, { changes: [change('Memory 16 GB → 8 GB'), change(`Software ${hostile} 1 → 2`, 'upgraded')] }));
    expect(html).toContain('Memory 16 GB → 8 GB');
    expect(html).toContain('Upgraded');
    expect(html).not.toContain('<script>');
  });

  it('says when there is nothing yet, and shows a reinstall candidate', () => {
    const html = renderToStaticMarkup(
      createElement(ChangesPanel, { changes: [], candidate: { deviceId: '01J00000000000000000000002', hostname: 'PC-OLD', enrolledAt: '2025-01-01T00:00:00Z', matchedOn: ['serial', 'model', 'mac'] } }),
    );
    expect(html).toContain('No changes recorded yet');
    expect(html).toContain('PC-OLD');
    expect(html).toContain('same serial, model, mac');
  });
});
