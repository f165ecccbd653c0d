// The device page in Chromium: the summary header, the sticky jump bar and its sections, the
// sortable software table with its count, and an alert turned into a ticket that the device lists.
import { SimulatedAgent, simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { checkPage, openConsole, signIn } from '../support/console-page.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('device page in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let agent: SimulatedAgent;
  const inventory = simulatedInventory(21, 4);

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'e2e-device-page-0001', hostname: 'ACME-LT-042' });
    await agent.enroll();
    await agent.connect();
    if (inventory.os) inventory.os.hostname = 'ACME-LT-042';
    await agent.sendInventory(inventory);
    await agent.heartbeat(simulatedMetrics());
    await agent.raiseAlert({ check: 'disk-free', subject: 'C:', severity: 'critical', message: 'C: has 4 % free (9.6 GB of 238 GB)', value: 4, threshold: 5 });
    ({ page, errors } = await openConsole(browser, hub.url));
    await signIn(page);
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('opens with a header a technician reads in two seconds', async () => {
    await page.goto(`${hub.url}#/devices/${agent.deviceId}`);
    const header = page.getByTestId('device-summary');
    await header.waitFor({ timeout: 15_000 });
    await page.getByTestId('device-jump-bar').waitFor({ timeout: 15_000 });
    const text = (await header.textContent()) ?? '';
    expect(text).toContain('ACME-LT-042');
    expect(text).toContain(inventory.system?.serial ?? 'missing');
    expect(text).toContain(inventory.users?.loggedIn[0]?.name ?? 'missing');
    expect(text).toContain(inventory.system?.model ?? 'missing');
    await expect.poll(() => page.getByTestId('device-open-alerts').textContent(), { timeout: 10_000 }).toMatch(/1 open alert \(1 critical\)/);
    expect(await page.getByTestId('device-open-tickets').textContent()).toBe('0 open tickets');
    await checkPage(page, 'device-page-header');
  });

  it('jumps to the full-width software section, sortable, with the count stated', async () => {
    await page.getByTestId('jump-software').click();
    const group = page.getByTestId('device-group-software');
    await expect.poll(() => group.evaluate((el) => Math.round(el.getBoundingClientRect().top)), { timeout: 5_000 }).toBeLessThan(200);
    const count = inventory.software?.length ?? 0;
    expect(await group.getByTestId('list-count').textContent()).toContain(`Showing ${count} of ${count}`);
    await group.getByRole('button', { name: /^Name/ }).click();
    await group.getByRole('button', { name: /^Name/ }).click();
    const names = await group.locator('tbody tr td:first-child').allTextContents();
    const sorted = [...names].sort((a, b) => b.localeCompare(a, undefined, { numeric: true, sensitivity: 'base' }));
    expect(names).toEqual(sorted);
    expect(await group.locator('th[aria-sort="descending"]').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('device-page-software') });
    for (const id of ['hardware', 'security', 'services']) expect(await page.getByTestId(`device-group-${id}`).count()).toBe(1);
  });

  it('turns the alert into a ticket, prefilled and linked, and the device lists it', async () => {
    await page.getByTestId('jump-alerts').click();
    await page.getByTestId('alert-create-ticket').first().click();
    await page.waitForURL(/#\/tickets\/new\?alert=/);
    const subject = page.getByTestId('new-ticket-subject');
    await expect.poll(() => subject.inputValue(), { timeout: 10_000 }).toBe('C: has 4 % free (9.6 GB of 238 GB)');
    await checkPage(page, 'alert-to-ticket-form');
    await page.getByTestId('new-ticket-form').locator('button[type="submit"]').click();
    await page.waitForURL(/#\/tickets\/[0-9A-Z]{26}$/, { timeout: 10_000 });
    await page.goto(`${hub.url}#/devices/${agent.deviceId}`);
    await page.getByTestId('device-ticket').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('device-ticket').first().textContent()).toContain('C: has 4 % free');
    await page.getByTestId('alert-open-ticket').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('device-open-tickets').textContent()).toBe('1 open ticket');
    await page.screenshot({ path: screenshotPath('alert-to-ticket-device') });
    expect(errors).toEqual([]);
  });

  it('reads well at 1024 px in dark mode', async () => {
    const dark = await openConsole(browser, `${hub.url}#/devices/${agent.deviceId}`, { width: 1024, height: 800, dark: true });
    await signIn(dark.page);
    await dark.page.getByTestId('device-jump-bar').waitFor({ timeout: 15_000 });
    expect(await dark.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await checkPage(dark.page, 'device-page-1024-dark');
    await dark.page.close();
  });
});
