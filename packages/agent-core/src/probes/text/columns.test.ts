import { describe, expect, it } from 'vitest';
import { parseAlignedTable } from './columns.js';

describe('parseAlignedTable', () => {
  it('left- and right-aligned columns, values with spaces, empty cells', () => {
    const lines = ['NAME  SIZE MODEL            TRAN', 'sda    20G VMware Virtual S spi', 'sr0   848M                  sata', 'nvme0 1.8T Samsung SSD 970  nvme'];
    expect(parseAlignedTable(lines).rows).toEqual([
      { NAME: 'sda', SIZE: '20G', MODEL: 'VMware Virtual S', TRAN: 'spi' },
      { NAME: 'sr0', SIZE: '848M', MODEL: '', TRAN: 'sata' },
      { NAME: 'nvme0', SIZE: '1.8T', MODEL: 'Samsung SSD 970', TRAN: 'nvme' },
    ]);
  });

  it('two-line headers and a dash line', () => {
    const lines = ['Mount Encryption', 'Point Percentage', '----- ----------', 'C:    100', 'D:    1'];
    const table = parseAlignedTable([lines[0] ?? '', lines[1] ?? '', ...lines.slice(3)], 2);
    expect(table.columns).toEqual(['Mount Point', 'Encryption Percentage']);
    expect(table.rows.map((r) => r['Mount Point'])).toEqual(['C:', 'D:']);
  });

  it('empty input gives an empty table', () => {
    expect(parseAlignedTable([])).toEqual({ columns: [], rows: [] });
  });
});
