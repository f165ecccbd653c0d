// The Releases page in Chromium: an admin uploads an update file, registers metadata signed on
// their own machine, starts the rollout, widens it, pauses it and withdraws it; a real agent
// socket is told to run the release only while it is rolling out.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { NAMESPACES, PROTOCOL_VERSION, newId, type AgentReleaseManifest, type EnrollResponse } from '@deskside/protocol';
import type { Browser, Page } from 'playwright-core';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const SHOTS = process.env['DESKSIDE_SHOTS_DIR'];
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

describe('the Releases page', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let agent: Socket;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const enrolled = await fetch(`${hub.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, enrollToken: TEST_ENROLL_TOKEN, deviceId: newId(), machineId: 'releases-page-machine-1', hostname: 'PC-RELEASES', agentVersion: '1.0.0' }),
    });
    const device = (await enrolled.json()) as EnrollResponse;
    agent = connect(`${hub.url}${NAMESPACES.agent}`, { transports: ['websocket'], reconnection: false, auth: { protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, deviceKey: device.deviceKey } });
    await new Promise<void>((resolve, reject) => {
      agent.once('connect', () => resolve());
      agent.once('connect_error', reject);
    });
  });

  afterAll(async () => {
    agent?.disconnect();
    await browser?.close();
    await hub?.cleanup();
  });

  const offered = async (): Promise<string | null> => {
    const ack = (await agent.timeout(10_000).emitWithAck('release:check', { installedVersion: '1.0.0', channel: 'stable', platform: 'linux', arch: 'x64', kind: 'headless' })) as { ok: true; data: { release: { id: string } | null } };
    return ack.data.release?.id ?? null;
  };

  it('uploads, registers, rolls out, widens, pauses and withdraws a release', async () => {
    await page.goto(`${hub.url}/#/admin/releases`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('no-releases').waitFor();
    await shot(page, 'releases-empty');

    const bytes = Buffer.from('headless agent 1.1.0');
    await page.getByTestId('update-file-input').setInputFiles({ name: 'deskside-agent-1.1.0-linux-x64.tar.gz', mimeType: 'application/gzip', buffer: bytes });
    const sha512 = createHash('sha512').update(bytes).digest('base64');
    await expect.poll(() => page.getByTestId('uploaded-file').textContent()).toContain(sha512);

    // What `deskside-agent release sign` prints, made here with a throwaway key.
    const manifest: AgentReleaseManifest = {
      v: 1,
      channel: 'stable',
      version: '1.1.0',
      issuedAt: new Date(Date.now() - 60_000).toISOString(),
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      rollback: false,
      notes: 'Lighter idle agent.',
      files: [{ platform: 'linux', arch: 'x64', kind: 'headless', url: '/agent-updates/files/deskside-agent-1.1.0-linux-x64.tar.gz', sha512, size: bytes.length }],
    };
    const text = JSON.stringify(manifest);
    const signed = { manifest: text, keyId: '0011223344556677', signature: sign(null, Buffer.from(text), generateKeyPairSync('ed25519').privateKey).toString('base64') };
    await page.getByTestId('register-release').locator('textarea').fill(JSON.stringify(signed));
    await page.getByTestId('register-release').getByRole('button').click();
    const row = page.getByTestId('release-1.1.0');
    await expect.poll(() => row.getByTestId('rollout-state').textContent()).toBe('Paused');
    expect(await offered()).toBeNull();

    await row.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => row.getByTestId('rollout-state').textContent()).toBe('Rolling out');
    await row.getByLabel('Share of PCs for 1.1.0').fill('100');
    await row.getByRole('button', { name: 'Set %' }).click();
    await expect.poll(() => row.textContent()).toContain('100% of the rest');
    expect(await offered()).not.toBeNull();
    await page.reload();
    await expect.poll(() => page.getByTestId('version-list').textContent()).toContain('1.0.0');
    await shot(page, 'releases-rolling');

    await row.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => row.getByTestId('rollout-state').textContent()).toBe('Paused');
    expect(await offered()).toBeNull();
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(() => row.getByTestId('rollout-state').textContent()).toBe('Withdrawn');
    await shot(page, 'releases-withdrawn');
    await page.setViewportSize({ width: 1024, height: 800 });
    await shot(page, 'releases-1024');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
