// The Deploy page in Chromium: with installers placed in the hub's data directory, an admin gets a
// fresh token for a site and the exact commands; the token in them enrols a real agent, and the
// listed installer downloads from the hub.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newId, PROTOCOL_VERSION } from '@deskside/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, type TestHub } from '../support/hub.js';

describe('the Deploy page', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    hub = await startHub();
    mkdirSync(path.join(hub.dataDir, 'agent-installers'));
    writeFileSync(path.join(hub.dataDir, 'agent-installers', 'Deskside Agent 0.1.0.msi'), 'msi-bytes');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.cleanup();
  });

  it('shows the installers, then a fresh token inside every command', async () => {
    await page.goto(`${hub.url}/#/admin/deploy`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('installer-list').textContent()).toContain('Deskside Agent 0.1.0.msi');
    await page.screenshot({ path: screenshotPath('deploy-page'), fullPage: true });
    await page.getByTestId('deploy-form').getByRole('button').click();
    await page.getByTestId('deploy-recipes').waitFor();
    await page.screenshot({ path: screenshotPath('deploy-page-commands'), fullPage: true });
    const msi = (await page.getByTestId('recipe-windows-msi').locator('code').textContent()) ?? '';
    expect(msi).toContain(`${hub.url}/downloads/agent/Deskside%20Agent%200.1.0.msi`);
    const token = /enrollToken = '([^']+)'/.exec(msi)?.[1] ?? '';
    expect(token.length).toBeGreaterThan(16);
    for (const id of ['windows-exe', 'macos', 'debian', 'rhel', 'headless']) {
      expect(await page.getByTestId(`recipe-${id}`).locator('code').textContent()).toContain(token);
    }
    // The token is a real one for this site, and the link downloads the installer.
    const enrol = await fetch(`${hub.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, enrollToken: token, deviceId: newId(), machineId: 'deploy-page-machine-0001', hostname: 'deploy-pc', agentVersion: '0.1.0' }),
    });
    expect(enrol.status).toBeLessThan(300);
    const download = await fetch(`${hub.url}/downloads/agent/Deskside%20Agent%200.1.0.msi`);
    expect(await download.text()).toBe('msi-bytes');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
