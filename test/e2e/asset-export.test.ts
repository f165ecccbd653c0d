// Asset records and the inventory export in Chromium: edit an asset tag on the device page, export
// CSV through the fleet page's Export control, and find the tag in the downloaded file.
import { readFile } from 'node:fs/promises';
import { SimulatedAgent, simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('asset records and export in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let agent: SimulatedAgent;
  const pageErrors: string[] = [];
  const TAG = `AT-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    hub = await startHub();
    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'e2e-asset-machine-01', hostname: 'asset-pc-1' });
    await agent.enroll();
    await agent.connect();
    const inventory = simulatedInventory(7, 1);
    if (inventory.os) inventory.os.hostname = 'asset-pc-1';
    await agent.sendInventory(inventory);
    expect((await agent.heartbeat(simulatedMetrics())).ok).toBe(true);
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true });
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('edits the asset tag on the device page, audited with who edited', async () => {
    await page.goto(`${hub.url}/#/devices/${agent.deviceId}`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('asset-panel').waitFor({ timeout: 15_000 });
    await page.getByTestId('asset-assetTag').fill(TAG);
    await page.getByTestId('asset-warrantyEnd').fill('2024-02-30');
    await page.getByTestId('asset-save').click();
    // An impossible date is refused before it leaves the page, next to its field.
    await page.locator('#asset-warrantyEnd[aria-invalid="true"], #asset-warrantyEnd-error').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
    await page.getByTestId('asset-warrantyEnd').fill('');
    await page.getByTestId('asset-lifecycle').selectOption('in-repair');
    await page.getByTestId('asset-save').click();
    await page.getByTestId('asset-message').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('asset-last-edit').textContent()).toMatch(/Last edited by/);
    await page.screenshot({ path: screenshotPath('asset-panel'), fullPage: true });
  });

  it('exports CSV from the fleet page and the file holds the asset tag', async () => {
    await page.goto(`${hub.url}/#/devices`);
    await page.getByTestId('export-toggle').click();
    await page.getByTestId('export-format').selectOption('csv');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-start').click()]);
    const file = await download.path();
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(TAG);
    expect(text).toContain('asset-pc-1');
    expect(text).toContain('in-repair');
    expect(download.suggestedFilename()).toMatch(/^deskside-inventory-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.getByTestId('export-done').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('asset-export'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
