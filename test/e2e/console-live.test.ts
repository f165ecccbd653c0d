// The real console page in Chromium: log in, watch a device arrive live, open its inventory.
import { SimulatedAgent, simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('technician console in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  const agents: SimulatedAgent[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    for (const a of agents) a.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('refuses a wrong password with a clear message', async () => {
    await page.goto(hub.url);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent(), { timeout: 10_000 }).toMatch(/wrong|incorrect|invalid/i);
  });

  it('logs in and sees a device arrive live, without a reload', async () => {
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    // The overview is the landing page; the fleet table is one click away in the nav.
    await page.getByTestId('overview-fleet').waitFor({ timeout: 15_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices', exact: true }).click();
    await page.getByTestId('fleet-table').waitFor({ timeout: 15_000 });
    await page.getByTestId('connection-state').filter({ hasText: /live/i }).waitFor({ timeout: 15_000 });

    const agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'e2e-machine-0000000001', hostname: 'e2e-pc-1' });
    agents.push(agent);
    await agent.enroll();
    await agent.connect();
    const inventory = simulatedInventory(42, 1);
    if (inventory.os) inventory.os.hostname = 'e2e-pc-1';
    await agent.sendInventory(inventory);
    expect((await agent.heartbeat(simulatedMetrics())).ok).toBe(true);

    const row = page.locator(`[data-testid="fleet-row"][data-device-id="${agent.deviceId}"]`);
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('online');
    expect(await row.textContent()).toContain('e2e-pc-1');
    await page.screenshot({ path: screenshotPath('console-fleet'), fullPage: true });
  });

  it('opens the device and shows its inventory', async () => {
    await page.getByRole('link', { name: 'e2e-pc-1' }).click();
    await page.getByTestId('device-hostname').filter({ hasText: 'e2e-pc-1' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('device-status').textContent()).toMatch(/online/i);
    await page.locator('[data-testid="inventory-section"][data-section="cpu"]').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('console-device'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
