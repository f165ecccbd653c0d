import type { InventoryDocument } from '@deskside/protocol';
import { InventoryDocumentSchema } from '@deskside/protocol';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InventoryPanels } from './InventoryPanels.js';

const inventory: InventoryDocument = {
  schemaVersion: 1,
  collectedAt: '2026-03-10T12:00:00Z',
  agentVersion: '0.1.0',
  cpu: { manufacturer: 'Intel', brand: 'Core i5-1235U', cores: 12, physicalCores: 10, speedGHz: 1.3 },
  volumes: [{ mount: 'C:', fs: 'NTFS', label: null, sizeBytes: 512 * 1024 ** 3, usedBytes: 500 * 1024 ** 3, removable: false, encrypted: true }],
  probes: [
    { section: 'memory', ms: 5000, status: 'unknown', reason: 'dmidecode: permission denied' },
    { section: 'cpu', ms: 12, status: 'ok', reason: null },
  ],
};

describe('InventoryPanels', () => {
  it('fixture is a valid document', () => {
    expect(InventoryDocumentSchema.safeParse(inventory).success).toBe(true);
  });

  it('renders every section with its data-section, and says why a missing one is unknown', () => {
    const html = renderToStaticMarkup(createElement(InventoryPanels, { inventory }));
    for (const section of ['system', 'os', 'cpu', 'memory', 'disks', 'volumes', 'network', 'probes']) {
      expect(html).toContain(`data-testid="inventory-section" data-section="${section}"`);
    }
    expect(html).toContain('Core i5-1235U');
    expect(html).toContain('10 physical, 12 logical');
    expect(html).toContain('dmidecode: permission denied');
    expect(html).toContain('500 GB / 512 GB');
    expect(html).toContain('98%');
    expect(html).toContain('5 s');
  });
});
