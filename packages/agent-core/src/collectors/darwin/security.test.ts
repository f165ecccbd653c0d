import { InventorySectionsSchema } from '@deskside/protocol';
import { describe, expect, it } from 'vitest';
import { scriptedEnv, type ScriptedCommand } from '../exec-fixtures.js';
import { collectMacSecurity } from './security.js';

// Inline outputs (no recorded fixture needed): how the XProtect definitions version reaches the section.
const base: ScriptedCommand[] = [
  { file: 'fdesetup', stdout: 'FileVault is Off.\n' },
  { file: 'defaults', argsContain: 'com.apple.alf', stdout: '0\n' },
];

describe('collectMacSecurity: XProtect', () => {
  it('keeps the name stable and carries the definitions version in its own field', async () => {
    const env = scriptedEnv('darwin', [...base, { file: 'defaults', argsContain: 'XProtect.bundle', stdout: '2192\n' }]);
    const security = InventorySectionsSchema.shape.security.parse(await collectMacSecurity(env));
    expect(security?.antivirus).toEqual([{ name: 'XProtect', enabled: true, upToDate: null, definitionsVersion: '2192' }]);
    // No date source on macOS: the field is absent, not invented.
    expect(security?.antivirus?.[0]).not.toHaveProperty('definitionsUpdatedAt');
  });

  it.each([
    ['defaults has no such key', { file: 'defaults', argsContain: 'XProtect.bundle', exitCode: 1 }],
    ['the plist answers something that is not a version', { file: 'defaults', argsContain: 'XProtect.bundle', stdout: '{\n  CFBundleShortVersionString = x;\n}\n' }],
  ] as const)('definitions version is null when %s', async (_label, xprotect: ScriptedCommand) => {
    const security = await collectMacSecurity(scriptedEnv('darwin', [...base, xprotect]));
    expect(security.antivirus).toEqual([{ name: 'XProtect', enabled: true, upToDate: null, definitionsVersion: null }]);
  });
});
