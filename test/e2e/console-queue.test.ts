// The ticket queue in Chromium: search, sort on a column, a saved view with its count and share
// link, and bulk assign with the summary of what will change before it is applied.
import { SimulatedAgent, simulatedInventory } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { checkPage, openConsole, signIn } from '../support/console-page.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const SUBJECTS = ['VPN drops every hour', 'Printer jams on floor 2', 'Outlook asks for the password', 'Excel crashes on the budget file', 'New starter needs a laptop'];

describe('ticket queue in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let agent: SimulatedAgent;

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'e2e-queue-machine-0001', hostname: 'ACME-LT-007' });
    await agent.enroll();
    await agent.connect();
    await agent.sendInventory(simulatedInventory(31, 7));
    for (const [i, subject] of SUBJECTS.entries()) {
      await agent.createTicket({ subject, description: `${subject}.`, category: 'other', impact: i % 2 ? 'low' : 'high', urgency: 'medium', requester: { name: i === 0 ? 'Julie Dupont' : 'Marc Petit', username: null, email: null } });
    }
    ({ page, errors } = await openConsole(browser, hub.url));
    await signIn(page);
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('searches the queue and sorts it on a column', async () => {
    await page.getByTestId('nav-tickets').click();
    await expect.poll(() => page.getByTestId('ticket-row').count(), { timeout: 15_000 }).toBe(5);
    await page.getByTestId('queue-search').fill('julie vpn');
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(1);
    await page.getByTestId('queue-search').fill('');
    await page.getByTestId('sort-Subject').click();
    const subjects = await page.locator('[data-testid="ticket-row"] .col-subject a').allTextContents();
    expect(subjects).toEqual([...SUBJECTS].sort((a, b) => a.localeCompare(b)));
    expect(await page.getByTestId('queue-count').textContent()).toContain('Showing 5 of 5');
  });

  it('saves the queue as a view with its count, and shares it as a link', async () => {
    await page.getByTestId('queue-search').fill('floor');
    await page.getByTestId('view-save').click();
    await page.getByTestId('view-name').fill('Printers');
    await page.getByTestId('view-save-confirm').click();
    const saved = page.locator('[data-testid^="view-v"]');
    await expect.poll(() => saved.textContent()).toMatch(/Printers\s*1/);
    await page.getByTestId('view-all').click();
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(5);
    await saved.click();
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(1);
    await page.getByTestId('view-share').click();
    const link = (await page.getByTestId('view-link').textContent()) ?? '';
    expect(link).toContain('#/tickets?view=');
    // The view survives a reload (kept per technician).
    await page.reload();
    await page.locator('[data-testid^="view-v"]').waitFor({ timeout: 15_000 });
    await checkPage(page, 'queue-saved-view');
  });

  it('assigns three tickets to me in bulk after saying what will change', async () => {
    await page.getByTestId('view-all').click();
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(5);
    const boxes = page.getByTestId('select-ticket');
    for (const i of [0, 1, 2]) await boxes.nth(i).check();
    await page.getByTestId('bulk-bar').waitFor();
    await page.getByTestId('bulk-action').selectOption({ label: 'Assign to me' });
    const summary = page.getByTestId('bulk-summary');
    expect(await summary.textContent()).toContain('Assign 3 tickets to Administrator (me).');
    expect(await summary.textContent()).toContain('unassigned → Administrator (me)');
    await page.screenshot({ path: screenshotPath('queue-bulk-summary') });
    await page.getByTestId('bulk-confirm').click();
    await page.getByTestId('bulk-bar').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByTestId('ticket-filter-me').click();
    await expect.poll(() => page.getByTestId('ticket-row').count(), { timeout: 10_000 }).toBe(3);
    await checkPage(page, 'queue-after-bulk-assign');
    expect(errors).toEqual([]);
  });

  it('moves with j/k and lists the shortcuts', async () => {
    await page.locator('body').press('j');
    await expect.poll(() => page.locator('tr.row-active').count()).toBe(1);
  });
});
