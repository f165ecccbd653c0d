import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AgentReleaseManifest } from '@deskside/protocol';
import { compareVersions, generateReleaseKey, signRelease, verifyRelease } from './release-signature.js';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const admin = generateReleaseKey();
const manifest: AgentReleaseManifest = {
  v: 1,
  channel: 'stable',
  version: '1.5.0',
  issuedAt: '2026-12-07T11:00:00Z',
  expiresAt: '2026-12-14T11:00:00Z',
  rollback: false,
  notes: 'Faster inventory.',
  files: [{ platform: 'win32', arch: 'x64', kind: 'nsis', url: '/agent-updates/files/deskside-agent-1.5.0.exe', sha512: `${'A'.repeat(86)}==`, size: 81_234_567 }],
};
const context = { now: NOW, channel: 'stable', installedVersion: '1.4.2', lastIssuedAt: '2026-12-01T00:00:00Z' };
const check = (raw: unknown, overrides: Partial<typeof context> = {}) => verifyRelease(raw, [admin.trusted], { ...context, ...overrides });

describe('signed release metadata', () => {
  it('accepts a good signature from the trusted key', () => {
    expect(check(signRelease(manifest, admin.privateKeyPem))).toEqual({ ok: true, manifest });
  });

  it('refuses a manifest changed after signing (another file URL)', () => {
    const signed = signRelease(manifest, admin.privateKeyPem);
    const forged = { ...signed, manifest: signed.manifest.replace('/agent-updates/files/', 'https://evil.example/') };
    expect(check(forged)).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a signature by another key claiming the trusted key id', () => {
    const other = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const forged = { ...signRelease(manifest, other), keyId: admin.trusted.keyId };
    expect(check(forged)).toMatchObject({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a key it does not trust, and anything malformed', () => {
    const stranger = generateReleaseKey();
    expect(check(signRelease(manifest, stranger.privateKeyPem))).toMatchObject({ ok: false, reason: 'unknown_key' });
    expect(check({ manifest: '{}', keyId: 'nope', signature: 'x' })).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('refuses stale metadata (expired), metadata from the future, and a replay of older metadata', () => {
    const signed = signRelease(manifest, admin.privateKeyPem);
    expect(check(signed, { now: Date.parse('2026-12-14T11:00:00Z') })).toMatchObject({ ok: false, reason: 'stale' });
    expect(check(signed, { now: Date.parse('2026-12-07T10:00:00Z') })).toMatchObject({ ok: false, reason: 'not_yet_valid' });
    expect(check(signed, { lastIssuedAt: '2026-12-07T11:30:00Z' })).toMatchObject({ ok: false, reason: 'replayed' });
  });

  it('refuses a downgrade unless the admin signed it as a rollback, and another channel', () => {
    const older = { ...manifest, version: '1.4.0' };
    expect(check(signRelease(older, admin.privateKeyPem))).toMatchObject({ ok: false, reason: 'downgrade' });
    expect(check(signRelease({ ...older, rollback: true }, admin.privateKeyPem))).toMatchObject({ ok: true });
    expect(check(signRelease({ ...manifest, channel: 'beta' }, admin.privateKeyPem))).toMatchObject({ ok: false, reason: 'wrong_channel' });
  });

  it('orders versions semantically', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.5.0-beta.1', '1.5.0')).toBe(-1);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
  });
});

describe('deskside-agent release keygen / sign', () => {
  it('makes a key pair and signs a manifest that verifies with the public half', async () => {
    const { mkdtempSync, readFileSync, statSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { main } = await import('../cli/main.js');
    const dir = mkdtempSync(join(tmpdir(), 'release-key-'));
    let out = '';
    const io = { stdout: (t: string) => void (out += t), stderr: () => undefined, onSignal: () => () => undefined };
    expect(await main(['release', 'keygen', '--out', dir], io)).toBe(0);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'release-key.pem')).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    out = '';
    expect(await main(['release', 'sign', '--key', join(dir, 'release-key.pem'), '--manifest', join(dir, 'manifest.json')], io)).toBe(0);
    const trusted = JSON.parse(readFileSync(join(dir, 'release-key.pub.json'), 'utf8')) as { keyId: string; publicKey: string };
    expect(verifyRelease(JSON.parse(out), [trusted], context)).toEqual({ ok: true, manifest });
  });
});
