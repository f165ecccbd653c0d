import { describe, expect, it } from 'vitest';
import { exportPath } from './export-download.js';

describe('exportPath', () => {
  it('carries the fleet filters, the group and the columns', () => {
    expect(exportPath('csv', { q: 'lap top', status: 'online', group: '01HZX3V3M8N4Q5R6S7T8V9W0XY' }, ['hostname', 'department'])).toBe(
      '/api/v1/export/inventory.csv?q=lap+top&status=online&group=01HZX3V3M8N4Q5R6S7T8V9W0XY&columns=hostname%2Cdepartment',
    );
  });
  it('leaves out what is not set', () => {
    expect(exportPath('xlsx', { group: '' }, null)).toBe('/api/v1/export/inventory.xlsx');
  });
});
