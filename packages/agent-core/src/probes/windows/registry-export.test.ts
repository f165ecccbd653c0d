import { describe, expect, it } from 'vitest';
import { parseRegistryExport } from './registry-export.js';

describe('parseRegistryExport', () => {
  const text = [
    'Windows Registry Editor Version 5.00',
    '',
    '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]',
    '@="default"',
    '"Path"="C:\\\\Program Files\\\\App\\\\"',
    '"Count"=dword:0000001a',
    '"Expand"=hex(2):25,00,53,00,59,00,\\',
    '  53,00,25,00,00,00',
    '"Multi"=hex(7):61,00,00,00,62,00,00,00,00,00',
    '"Big"=hex(b):01,00,00,00,00,00,00,00',
    '"Raw"=hex:de,ad',
    '"Gone"=-',
  ].join('\n');

  it('decodes every value type', () => {
    const [key] = parseRegistryExport(text);
    expect(key?.path).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\Test');
    const v = key?.values;
    expect(v?.get('')).toEqual({ type: 'string', data: 'default' });
    expect(v?.get('Path')).toEqual({ type: 'string', data: 'C:\\Program Files\\App\\' });
    expect(v?.get('Count')).toEqual({ type: 'dword', data: 26 });
    expect(v?.get('Expand')).toEqual({ type: 'expand-string', data: '%SYS%' });
    expect(v?.get('Multi')).toEqual({ type: 'multi-string', data: ['a', 'b'] });
    expect(v?.get('Big')).toEqual({ type: 'qword', data: 1n });
    expect(v?.get('Raw')).toMatchObject({ type: 'binary', kind: 3 });
    expect(v?.get('Gone')).toEqual({ type: 'delete' });
  });

  it('ignores values before the first key and lines it cannot read', () => {
    expect(parseRegistryExport('"Orphan"="x"\n[K]\nnonsense\n"A"=dword:zz\n')).toEqual([{ path: 'K', values: new Map() }]);
  });
});
