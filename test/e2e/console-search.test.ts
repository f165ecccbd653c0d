// The console's frame in Chromium: grouped navigation, the command palette over the hub's search,
// the shortcut sheet, and the disconnected state when the hub is killed (then a full resync).
import { SimulatedAgent, simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { checkPage, openConsole, signIn } from '../support/console-page.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('console search and disconnected state in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const agents: SimulatedAgent[] = [];
  let serial = '';

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
    for (let i = 1; i <= 3; i++) {
      const agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: `e2e-search-machine-00000${i}`, hostname: `ACME-LT-00${i}` });
      await agent.enroll();
      await agent.connect();
      const inventory = simulatedInventory(11, i);
      if (inventory.os) inventory.os.hostname = `ACME-LT-00${i}`;
      if (i === 2) serial = inventory.system?.serial ?? '';
      await agent.sendInventory(inventory);
      await agent.heartbeat(simulatedMetrics());
      agents.push(agent);
    }
    await agents[0]?.createTicket({ subject: 'Printer on floor 2 jams', description: 'Every print jams.', category: 'printer', urgency: 'medium', impact: 'low', requester: { name: 'Julie Dupont', username: 'jdupont', email: null } });
    ({ page, errors } = await openConsole(browser, hub.url));
    await signIn(page);
  });

  afterAll(async () => {
    for (const a of agents) a.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('groups the navigation and marks the page on screen', async () => {
    await page.getByTestId('overview-fleet').waitFor({ timeout: 15_000 });
    const groups = await page.locator('.side-nav-title').allTextContents();
    expect(groups).toEqual(['Work', 'Fleet', 'Reports', 'Admin']);
    expect(await page.getByTestId('nav-overview').getAttribute('aria-current')).toBe('page');
    await checkPage(page, 'shell-overview-1280');
  });

  it('finds a device by serial from Ctrl+K and opens it with Enter', async () => {
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('palette-input');
    await input.waitFor();
    await input.fill(serial);
    const first = page.getByTestId('palette-option').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toContain('ACME-LT-002');
    expect(await first.textContent()).toContain(`serial: ${serial}`);
    await page.screenshot({ path: screenshotPath('search-palette-serial') });
    await input.press('Enter');
    await page.waitForURL(/#\/devices\//, { timeout: 10_000 });
    expect(await page.getByTestId('command-palette').count()).toBe(0);
  });

  it('finds a ticket by its requester from `/`, grouped under Tickets, and the page has no a11y problem', async () => {
    await page.locator('body').press('/');
    await page.getByTestId('palette-input').fill('dupont');
    const ticket = page.locator('[data-testid="palette-option"][data-kind="ticket"]');
    await expect.poll(() => ticket.first().textContent(), { timeout: 10_000 }).toContain('Printer on floor 2 jams');
    expect(await page.locator('.palette-group-title').first().textContent()).toBe('Tickets');
    await checkPage(page, 'search-palette-ticket');
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });
  });

  it('lists the shortcuts under ?', async () => {
    await page.locator('body').press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    expect(await help.textContent()).toContain('Assign the ticket to me');
    await checkPage(page, 'shortcut-help');
    await page.keyboard.press('Escape');
  });

  it('shows the console as stale when the hub is killed, and resyncs when it is back', async () => {
    await page.getByTestId('nav-devices').click();
    await page.getByText('ACME-LT-003').first().waitFor({ timeout: 10_000 });
    for (const a of agents) a.close();
    await hub.stop('SIGKILL');
    const banner = page.getByTestId('stale-banner');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toMatch(/Disconnected from the hub\s*— showing data as of \d{1,2}:\d{2}/);
    expect(await page.locator('fieldset.page-content').evaluate((el) => (el as HTMLFieldSetElement).disabled)).toBe(true);
    expect(await page.locator('fieldset.page-content button').first().isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('disconnected-devices') });
    await hub.restart();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('connection-state').filter({ hasText: /live/i }).waitFor({ timeout: 15_000 });
    expect(await page.locator('fieldset.page-content button').first().isDisabled()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('fits 1024 px and dark mode without a11y problems', async () => {
    const dark = await openConsole(browser, hub.url, { width: 1024, height: 768, dark: true });
    await signIn(dark.page);
    await dark.page.getByTestId('overview-fleet').waitFor({ timeout: 15_000 });
    const overflow = await dark.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkPage(dark.page, 'shell-overview-1024-dark');
    await dark.page.close();
  });
});
