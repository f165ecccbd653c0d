import { describe, expect, it } from 'vitest';
import { deployRecipes, sh } from './deploy-commands.js';

const installers = [
  { file: 'Deskside Agent 1.5.0.msi', kind: 'msi' as const, platform: 'win32' as const, bytes: 1, modifiedAt: '2026-12-07T00:00:00Z', url: '' },
  { file: 'deskside-agent_1.5.0_amd64.deb', kind: 'deb' as const, platform: 'linux' as const, bytes: 1, modifiedAt: '2026-12-07T00:00:00Z', url: '' },
];

describe('deployRecipes', () => {
  const recipes = deployRecipes({ hubUrl: 'https://hub.example.com:4800', token: "tok'en$(rm -rf /)", fingerprint: null, installers });
  const byId = (id: string) => recipes.find((r) => r.id === id)?.lines.join('\n') ?? '';

  it('writes the configuration (PowerShell quoting), locks it, then installs the placed MSI and the service', () => {
    expect(byId('windows-msi')).toContain("@{ hubUrl = 'https://hub.example.com:4800'; enrollToken = 'tok''en$(rm -rf /)' } | ConvertTo-Json");
    expect(byId('windows-msi')).toContain("/inheritance:r /grant:r '*S-1-5-18:F' '*S-1-5-32-544:F'");
    expect(byId('windows-msi')).toContain("-Uri 'https://hub.example.com:4800/downloads/agent/Deskside%20Agent%201.5.0.msi'");
    expect(byId('windows-msi')).toMatch(/service install --config "\$cfg\\agent.json"$/);
  });

  it('quotes the configuration for sh so a hostile token stays one argument', () => {
    const line = recipes.find((r) => r.id === 'debian')?.lines[0] ?? '';
    const quoted = /printf '%s' ('(?:[^']|'\\'')*')/.exec(line)?.[1] ?? '';
    // sh's rule: inside '…' nothing is special; a quote is written as '\'' (close, escaped quote, reopen).
    const printed = quoted.slice(1, -1).split(`'\\''`).join("'");
    expect(printed).not.toContain("'\\''");
    expect(JSON.parse(printed)).toEqual({ hubUrl: 'https://hub.example.com:4800', enrollToken: "tok'en$(rm -rf /)" });
    expect(sh("a'b")).toBe(`'a'\\''b'`);
  });

  it('covers every way to deploy, and says where an installer is still missing', () => {
    expect(recipes.map((r) => r.id)).toEqual(['windows-msi', 'windows-exe', 'macos', 'debian', 'rhel', 'headless']);
    expect(byId('macos')).toContain('<the .pkg>');
    expect(byId('debian')).toContain('/downloads/agent/deskside-agent_1.5.0_amd64.deb');
  });

  it('adds the certificate fingerprint when the hub has one', () => {
    const pinned = deployRecipes({ hubUrl: 'https://h', token: 't', fingerprint: 'AB:CD', installers: [] });
    expect(pinned.find((r) => r.id === 'windows-msi')?.lines[1]).toContain("hubFingerprint = 'AB:CD'");
    expect(pinned.find((r) => r.id === 'headless')?.lines[0]).toContain("--hub-fingerprint 'AB:CD'");
  });
});
