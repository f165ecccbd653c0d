import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DeviceTable } from './DeviceTable.js';
import { makeDevice } from '../state/test-devices.js';

const NOW = Date.parse('2026-03-10T12:02:00Z');

describe('DeviceTable', () => {
  it('renders one row per device with the ids and attributes e2e tests rely on', () => {
    const device = makeDevice({ hostname: 'pc\u202Eexe.txt', status: 'overdue' });
    const html = renderToStaticMarkup(createElement(DeviceTable, { devices: [device], now: NOW, emptyText: 'none' }));
    expect(html).toContain('data-testid="fleet-table"');
    expect(html).toContain(`<tr data-testid="fleet-row" data-device-id="${device.id}" data-status="overdue">`);
    expect(html).toContain(`href="#/devices/${device.id}"`);
    expect(html).toContain('⟨U+202E⟩');
    expect(html).not.toContain('\u202E');
    expect(html).toContain('Overdue');
    expect(html).toContain('2 min ago');
    expect(html).toContain('<meter');
    expect(html).toContain('<th scope="col">Hostname</th>');
  });

  it('says why the table is empty', () => {
    const html = renderToStaticMarkup(createElement(DeviceTable, { devices: [], now: NOW, emptyText: 'No device matches this search.' }));
    expect(html).toContain('No device matches this search.');
    expect(html).not.toContain('fleet-row');
  });
});
