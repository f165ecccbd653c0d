import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseUninstallExport } from './reg-export-uninstall.js';

const PREFIX = 'registry-uninstall-export.';
const files = listFixtures('windows', PREFIX);
const parse = (name: string) => okValue(parseWith(parseUninstallExport, readFixture('windows', name)));

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(3));

  it.each(files)('%s: every entry has a name and no hidden entry leaks through', (name) => {
    const software = parse(name);
    expect(software.length).toBeGreaterThan(0);
    for (const entry of software) {
      expect(entry.name.trim()).not.toBe('');
      expect(entry.systemComponent).toBe(false);
      if (entry.installDate !== undefined) expect(entry.installDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('win10-ru: Cyrillic names, hex(2) uninstall string, MSI product code', () => {
    const software = parse('registry-uninstall-export.win10-ru.1.reg');
    expect(software).toHaveLength(2);
    expect(software[0]).toEqual({
      name: 'КриптоПро CSP',
      version: '5.0.12000',
      publisher: 'Компания КриптоПро',
      installDate: '2021-07-24',
      uninstallString: 'MsiExec.exe /I{50F91F80-D397-437C-B0C8-62128DE3B55E}',
      systemComponent: false,
      msiProductCode: '{50F91F80-D397-437C-B0C8-62128DE3B55E}',
      keyName: '{50F91F80-D397-437C-B0C8-62128DE3B55E}',
    });
    expect(software[1]).toMatchObject({ name: '1C Предприятие 7.7', version: '77.27', keyName: '1C Предприятие 7.7.27' });
    expect(software[1]?.uninstallString).toBe('C:\\Program Files (x86)\\1Cv77\\uninst.exe');
  });

  it('mssql: escaped quotes in UninstallString, Inno Setup key', () => {
    const software = parse('registry-uninstall-export.mssql.3.reg');
    const git = software.find((s) => s.keyName === 'Git_is1');
    expect(git).toMatchObject({ name: 'Git version 2.12.2.2', installDate: '2017-05-02', uninstallString: '"C:\\Program Files\\Git\\unins001.exe"' });
    expect(software.map((s) => s.name)).toContain('Microsoft SQL Server 2017');
  });

  it('winxp excerpt: skips SystemComponent=1 and updates with ParentKeyName', () => {
    const software = parse('registry-uninstall-export.winxp.excerpt-100.2.reg');
    const keys = software.map((s) => s.keyName);
    expect(keys).not.toContain('Connection Manager'); // SystemComponent=1
    expect(keys).not.toContain('KB2079403'); // ParentKeyName=OperatingSystem
    expect(keys).not.toContain('KB2586448-IE8'); // ParentKeyName=ie8Hotfix
    expect(software.find((s) => s.keyName === 'CCleaner')).toMatchObject({ name: 'CCleaner (remove only)', publisher: 'Piriform' });
    expect(software.length).toBeLessThan(100);
  });
});

describe('parseUninstallExport edge cases', () => {
  it.each([
    ['empty output', ''],
    ['garbage', 'Access is denied.\n'],
  ])('%s is unknown', (_label, text) => {
    expect(parseUninstallExport(text).status).toBe('unknown');
  });

  it('a truncated export keeps the complete entries and drops a half-written one', () => {
    const text = [
      'Windows Registry Editor Version 5.00',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\App]',
      '"DisplayName"="App \\"quoted\\""',
      '"InstallDate"="20231301"',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Cut]',
      '"DisplayName"=hex(2):41,00,\\',
    ].join('\r\n');
    const software = okValue(parseWith(parseUninstallExport, text));
    expect(software.map((s) => s.name)).toEqual(['App "quoted"', 'A']);
    expect(software[0]?.installDate).toBeUndefined(); // month 13 is not a date
  });

  it('reads REGEDIT4 exports too', () => {
    const text = 'REGEDIT4\n\n[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\X]\n"DisplayName"="X"\n';
    expect(okValue(parseUninstallExport(text))).toEqual([{ name: 'X', systemComponent: false, keyName: 'X' }]);
  });
});
