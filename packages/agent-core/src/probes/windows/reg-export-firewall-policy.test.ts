import { describe, expect, it } from 'vitest';
import { parseWith } from '../define-probe.js';
import { fixtureSuiteName, fixturesAvailable, listFixtures, readFixture } from '../testing/fixtures.js';
import { okValue } from '../testing/ok-value.js';
import { parseFirewallPolicyExport } from './reg-export-firewall-policy.js';

const PREFIX = 'registry-firewallpolicy-';
const files = listFixtures('windows', PREFIX);

describe.skipIf(!fixturesAvailable('windows'))(fixtureSuiteName('windows', PREFIX), () => {
  it('finds the recordings', () => expect(files.length).toBeGreaterThanOrEqual(6));

  it.each(files)('%s: one profile, named after the file, on for win10 and off for win7', (name) => {
    const states = okValue(parseWith(parseFirewallPolicyExport, readFixture('windows', name)));
    const expected = name.includes('domain') ? 'domain' : name.includes('standard') ? 'private' : 'public';
    expect(states).toEqual([{ profile: expected, enabled: name.includes('.win10.') }]);
  });
});

describe('parseFirewallPolicyExport edge cases', () => {
  it('reads all three profiles from one export of the parent key', () => {
    const key = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy';
    const text = ['Windows Registry Editor Version 5.00', `[${key}]`, `[${key}\\DomainProfile]`, '"EnableFirewall"=dword:00000001', `[${key}\\StandardProfile]`, '"EnableFirewall"=dword:00000000', `[${key}\\PublicProfile]`, '"EnableFirewall"=dword:00000001'].join('\n');
    expect(okValue(parseFirewallPolicyExport(text))).toEqual([
      { profile: 'domain', enabled: true },
      { profile: 'private', enabled: false },
      { profile: 'public', enabled: true },
    ]);
  });

  it.each(['', 'Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\X]\n', '\u0000\u0001garbage'])('unknown for %j', (text) => {
    expect(parseFirewallPolicyExport(text).status).toBe('unknown');
  });
});
