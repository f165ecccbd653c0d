// The live alert feed in Chromium: an agent raises an alert, it appears without a reload, the
// technician acknowledges it in the page, and the device page shows it.
import { SimulatedAgent, simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('alert feed in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let agent: SimulatedAgent;
  let alertId = '';
  let serial = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
    });

    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'e2e-alert-machine-000001', hostname: 'e2e-alert-pc' });
    await agent.enroll();
    await agent.connect();
    const inventory = simulatedInventory(7, 1);
    if (inventory.os) inventory.os.hostname = 'e2e-alert-pc';
    serial = inventory.system?.serial ?? '';
    await agent.sendInventory(inventory);
    for (let i = 0; i < 3; i++) expect((await agent.heartbeat(simulatedMetrics())).ok).toBe(true);
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('lands on the overview after login', async () => {
    await page.goto(hub.url);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('overview-fleet').waitFor({ timeout: 15_000 });
    await page.getByTestId('connection-state').filter({ hasText: /live/i }).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('overview-online').textContent(), { timeout: 15_000 }).toMatch(/1 of 1 online/);
    expect(page.url()).toMatch(/#\/overview$/);
  });

  it('shows an alert the agent raises live, without a reload', async () => {
    await page.getByTestId('nav-alerts').click();
    await page.getByTestId('alert-feed-empty').waitFor({ timeout: 15_000 });
    // A hostile message: the right-to-left override must show as a marker, never reorder the text.
    const raised = await agent.raiseAlert({
      check: 'disk-free',
      subject: 'C:',
      severity: 'critical',
      message: 'Disk C: has 3 % free \u202Eevil',
      value: 3,
      threshold: 10,
    });
    if (!raised.ok) throw new Error(`alert:raise refused: ${raised.error.code}`);
    expect(raised.data.alertId).toBeTruthy();
    alertId = raised.data.alertId ?? '';

    const row = page.locator(`[data-testid="alert-row"][data-alert-id="${alertId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-state')).toBe('open');
    expect(await row.getAttribute('data-severity')).toBe('critical');
    expect(await row.textContent()).toContain('e2e-alert-pc');
    expect(await row.locator('.hidden-char').first().textContent()).toContain('U+202E');
    await expect.poll(() => page.getByTestId('critical-alert-badge').textContent(), { timeout: 5000 }).toMatch(/^1/);
    await page.screenshot({ path: screenshotPath('alert-feed-open'), fullPage: true });
  });

  it('acknowledges it from the page, and the hub records who did', async () => {
    const row = page.locator(`[data-testid="alert-row"][data-alert-id="${alertId}"]`);
    await row.getByTestId('alert-ack').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('acknowledged');
    await page.getByTestId('critical-alert-badge').waitFor({ state: 'detached', timeout: 10_000 });

    const token = await hub.login();
    await expect
      .poll(async () => {
        const res = await hub.get(`/api/v1/alerts/${alertId}`, token);
        return (res.body as { alert?: { state?: string } } | null)?.alert?.state;
      }, { timeout: 10_000 })
      .toBe('acknowledged');
    expect(await row.textContent()).toMatch(/Acknowledged by/);

    // Snooze menu opens from the keyboard and closes with Escape, focus back on its button.
    await row.getByTestId('alert-snooze').click();
    await row.getByTestId('alert-snooze-option').first().waitFor();
    await page.screenshot({ path: screenshotPath('alert-feed-snooze-menu'), fullPage: true });
    await page.keyboard.press('Escape');
    await row.getByTestId('alert-snooze-option').first().waitFor({ state: 'detached' });
    await page.screenshot({ path: screenshotPath('alert-feed-acknowledged'), fullPage: true });
  });

  it('snoozes another alert for an hour, then resolves it, from the feed', async () => {
    const raised = await agent.raiseAlert({ check: 'memory-pressure', subject: '', severity: 'warning', message: 'Memory 95 % used for 10 min', value: 95, threshold: 90 });
    if (!raised.ok) throw new Error(`alert:raise refused: ${raised.error.code}`);
    const id = raised.data.alertId ?? '';
    const row = page.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-severity')).toBe('warning');
    // Critical first: the critical alert stays at the top of the feed.
    expect(await page.getByTestId('alert-row').first().getAttribute('data-alert-id')).toBe(alertId);

    await row.getByTestId('alert-snooze').click();
    await row.getByTestId('alert-snooze-option').filter({ hasText: '1 hour' }).click();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('snoozed');
    const token = await hub.login();
    const stored = await hub.get(`/api/v1/alerts/${id}`, token);
    const snoozedUntil = Date.parse((stored.body as { alert: { snoozedUntil: string } }).alert.snoozedUntil);
    expect(Math.abs(snoozedUntil - (Date.now() + 3_600_000))).toBeLessThan(120_000);

    await row.getByTestId('alert-resolve').click();
    await row.getByTestId('alert-resolve-confirm').click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('alert-state-filter').selectOption('resolved');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-state')).toBe('resolved');
    await page.getByTestId('alert-state-filter').selectOption('active');
  });

  it('shows the alert on the device page, with the health chart', async () => {
    await page.locator(`[data-testid="alert-row"][data-alert-id="${alertId}"]`).getByTestId('alert-device-link').click();
    await page.getByTestId('device-hostname').filter({ hasText: 'e2e-alert-pc' }).waitFor({ timeout: 15_000 });
    const row = page.getByTestId('device-alerts').locator(`[data-testid="alert-row"][data-alert-id="${alertId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-state')).toBe('acknowledged');
    await page.getByTestId('health-chart').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('health-summary').textContent()).toMatch(/CPU \d+ %/);
    await page.screenshot({ path: screenshotPath('alert-device-page'), fullPage: true });
  });

  it('shows the alert on the overview, and the device first among those needing attention', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
    await page.getByTestId('overview-worst').waitFor({ timeout: 15_000 });
    await page.locator(`[data-testid="worst-device"][data-device-id="${agent.deviceId}"]`).waitFor({ timeout: 15_000 });
    const critical = page.locator('[data-testid="severity-count"][data-severity="critical"] [data-state="acknowledged"]');
    expect(await critical.textContent()).toBe('1');
    await page.screenshot({ path: screenshotPath('alert-overview'), fullPage: true });
  });

  it('resolves it with a note on the device page; it moves to the device’s history', async () => {
    await page.locator(`[data-testid="worst-device"][data-device-id="${agent.deviceId}"] a`).click();
    const panel = page.getByTestId('device-alerts');
    const row = panel.locator(`[data-testid="device-alert-list"] [data-alert-id="${alertId}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('alert-resolve').click();
    await row.getByTestId('alert-resolve-note').fill('Cleared the temp folder');
    await row.getByTestId('alert-resolve-confirm').click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    await panel.getByTestId('device-alert-list-empty').waitFor();
    await panel.getByText('Recently resolved').click();
    const past = panel.locator(`[data-testid="device-alert-history-list"] [data-alert-id="${alertId}"]`);
    await past.waitFor({ timeout: 10_000 });
    expect(await past.getAttribute('data-state')).toBe('resolved');
    expect(await past.textContent()).toMatch(/Resolved .* by Administrator/);
    await page.screenshot({ path: screenshotPath('alert-device-resolved'), fullPage: true });
  });

  it('finds the device by serial number (searched in the inventories on the hub) and by alert state', async () => {
    expect(serial.length).toBeGreaterThan(3);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Devices', exact: true }).click();
    const row = page.locator(`[data-testid="fleet-row"][data-device-id="${agent.deviceId}"]`);
    await row.waitFor({ timeout: 15_000 });
    await page.getByTestId('fleet-search').fill(serial.toLowerCase());
    // The serial is not in the live rows: only the hub's answer can bring the device back.
    await page.getByTestId('fleet-search-note').waitFor({ state: 'detached', timeout: 10_000 });
    await row.waitFor({ timeout: 10_000 });
    await page.getByTestId('fleet-search').fill('no-such-serial-anywhere');
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('fleet-search').fill('');
    await row.waitFor({ timeout: 10_000 });
    await page.getByTestId('fleet-alert-filter').selectOption('any');
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    await page.getByTestId('fleet-alert-filter').selectOption('none');
    await row.waitFor({ timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });
});
