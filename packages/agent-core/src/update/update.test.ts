import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, type AgentReleaseFile, type AgentReleaseManifest } from '@deskside/protocol';
import { generateReleaseKey, signRelease } from './release-signature.js';
import { decideUpdate } from './update-decision.js';
import { MAX_TRIAL_STARTS, UpdateSlots } from './update-slots.js';
import { DownloadRefused, downloadVerified } from './verified-download.js';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const admin = generateReleaseKey();
const bytes = Buffer.from('deskside-agent 1.5.0 headless bundle');
const file: AgentReleaseFile = { platform: 'linux', arch: 'x64', kind: 'headless', url: '/agent-updates/files/deskside-agent-1.5.0.tar.gz', sha512: createHash('sha512').update(bytes).digest('base64'), size: bytes.length };
const manifest: AgentReleaseManifest = { v: 1, channel: 'stable', version: '1.5.0', issuedAt: '2026-12-07T11:00:00Z', expiresAt: '2026-12-14T11:00:00Z', rollback: false, notes: '', files: [file] };
const context = { installedVersion: '1.4.2', channel: 'stable', platform: 'linux', arch: 'x64', kind: 'headless', trusted: [admin.trusted], now: NOW, lastIssuedAt: null, failedVersions: [] } as const;
const offer = (m: AgentReleaseManifest = manifest, key = admin.privateKeyPem) => ({ release: { id: newId(), signed: signRelease(m, key) } });

describe('the update decision', () => {
  it('installs a verified release that has a file for this agent, and stays when nothing new is offered', () => {
    expect(decideUpdate(offer(), { ...context, failedVersions: [] })).toMatchObject({ action: 'install', manifest, file });
    expect(decideUpdate({ release: null }, { ...context, failedVersions: [] })).toEqual({ action: 'stay' });
    expect(decideUpdate(offer(), { ...context, installedVersion: '1.5.0', failedVersions: [] })).toEqual({ action: 'stay' });
  });

  it('refuses what the hub cannot vouch for alone: an unknown key, no keys, no file, a version that failed here', () => {
    expect(decideUpdate(offer(manifest, generateReleaseKey().privateKeyPem), { ...context, failedVersions: [] })).toMatchObject({ action: 'refuse', reason: 'unknown_key' });
    expect(decideUpdate(offer(), { ...context, trusted: [], failedVersions: [] })).toMatchObject({ action: 'refuse', reason: 'no_keys' });
    expect(decideUpdate(offer(), { ...context, kind: 'rpm', failedVersions: [] })).toMatchObject({ action: 'refuse', reason: 'no_file' });
    expect(decideUpdate(offer(), { ...context, failedVersions: ['1.5.0'] })).toMatchObject({ action: 'refuse', reason: 'failed_before' });
    expect(decideUpdate(offer(), { ...context, lastIssuedAt: '2026-12-07T11:30:00Z', failedVersions: [] })).toMatchObject({ action: 'refuse', reason: 'replayed' });
  });
});

describe('the verified download', () => {
  let server: Server;
  let hubUrl: string;
  const dir = mkdtempSync(join(tmpdir(), 'deskside-update-'));
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body = req.url?.endsWith('/deskside-agent-1.5.0.tar.gz') ? bytes : req.url?.endsWith('/tampered.tar.gz') ? Buffer.from(bytes).fill(65, 0, 1) : req.url?.endsWith('/long.tar.gz') ? Buffer.concat([bytes, bytes]) : null;
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    hubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps exactly the signed bytes from the hub', async () => {
    const path = await downloadVerified(file, { hubUrl, dir, name: '1.5.0.tar.gz' });
    expect(readFileSync(path)).toEqual(bytes);
  });

  it('keeps nothing when the bytes, the size or the scheme are not the signed ones', async () => {
    const sub = join(dir, 'refused');
    await expect(downloadVerified({ ...file, url: '/agent-updates/files/tampered.tar.gz' }, { hubUrl, dir: sub, name: 'x' })).rejects.toThrow('SHA-512');
    await expect(downloadVerified({ ...file, url: '/agent-updates/files/long.tar.gz' }, { hubUrl, dir: sub, name: 'x' })).rejects.toThrow(DownloadRefused);
    await expect(downloadVerified({ ...file, url: '/agent-updates/files/missing.tar.gz' }, { hubUrl, dir: sub, name: 'x' })).rejects.toThrow('HTTP 404');
    await expect(downloadVerified({ ...file, url: 'http://elsewhere.example/x.tar.gz' }, { hubUrl, dir: sub, name: 'x' })).rejects.toThrow('not https');
    expect(readdirSync(sub)).toEqual([]);
  });
});

describe('update slots', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deskside-slots-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a staged version on trial and keeps it once it proves itself', async () => {
    const slots = new UpdateSlots(join(dir, 'good'));
    expect(await slots.boot()).toEqual({ version: null, rolledBack: null });
    await slots.stage('1.5.0', manifest.issuedAt);
    expect(await slots.boot()).toEqual({ version: '1.5.0', rolledBack: null });
    await slots.markHealthy('1.5.0');
    for (let i = 0; i < MAX_TRIAL_STARTS + 1; i++) expect(await slots.boot()).toEqual({ version: '1.5.0', rolledBack: null });
    expect(await slots.read()).toMatchObject({ current: '1.5.0', previous: null, trial: null, lastIssuedAt: manifest.issuedAt });
  });

  it('rolls a version that keeps failing to start back to the one before, and remembers it failed', async () => {
    const slots = new UpdateSlots(join(dir, 'bad'));
    await slots.stage('1.5.0', manifest.issuedAt);
    await slots.markHealthy((await slots.boot()).version);
    await slots.stage('1.6.0', '2026-12-08T00:00:00Z');
    for (let i = 0; i < MAX_TRIAL_STARTS; i++) expect((await slots.boot()).version).toBe('1.6.0');
    expect(await slots.boot()).toEqual({ version: '1.5.0', rolledBack: '1.6.0' });
    expect(await slots.boot()).toEqual({ version: '1.5.0', rolledBack: null });
    expect(await slots.read()).toMatchObject({ current: '1.5.0', trial: null, failed: ['1.6.0'] });
    await slots.markHealthy('1.6.0');
    expect((await slots.read()).current).toBe('1.5.0');
  });
});
