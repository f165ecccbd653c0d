// "Log a call" in Chromium: the caller found by their PC's name while they talk, a running timer,
// the notes, and Ctrl+Enter saves a phone ticket with the call's length that the queue filters by.
import { SimulatedAgent } from '@deskside/simulator';
import { TicketListResponseSchema } from '@deskside/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { checkPage, openConsole, signIn } from '../support/console-page.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('log a call in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let agent: SimulatedAgent;

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'e2e-log-call-0001', hostname: 'RECEPTION-PC-02' });
    await agent.enroll();
    await agent.connect();
    ({ page } = await openConsole(browser, hub.url));
    await signIn(page);
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('finds the caller by PC, times the call and saves it as a phone ticket from the keyboard', async () => {
    await page.goto(`${hub.url}#/tickets`);
    await page.getByTestId('log-call').click();
    const lookup = page.getByTestId('call-lookup');
    await lookup.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('call-lookup');
    await page.keyboard.type('recep');
    await page.getByTestId('call-matches').getByText('RECEPTION-PC-02').waitFor({ timeout: 10_000 });
    await checkPage(page, 'log-call-lookup');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('call-caller').textContent()).toContain('RECEPTION-PC-02');
    await page.getByTestId('call-subject').fill('Cannot print boarding passes');
    await page.getByTestId('call-notes').fill('Front desk printer shows paper jam; cleared twice.');
    const timer = page.getByTestId('call-timer');
    const first = await timer.textContent();
    await expect.poll(() => timer.textContent(), { timeout: 10_000 }).not.toBe(first);
    await checkPage(page, 'log-call-filled');
    await page.getByTestId('call-notes').press('Control+Enter');

    await page.getByTestId('ticket-channel').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('ticket-channel').textContent()).toBe('from a phone call');
    await checkPage(page, 'log-call-saved');
    const token = await hub.login();
    const phones = TicketListResponseSchema.parse((await hub.get('/api/v1/tickets?channel=phone', token)).body).tickets;
    expect(phones).toHaveLength(1);
    expect(phones[0]).toMatchObject({ subject: 'Cannot print boarding passes', channel: 'phone', deviceId: agent.deviceId, hostname: 'RECEPTION-PC-02' });
    expect(phones[0]?.timeSpentMinutes).toBeGreaterThanOrEqual(1);
  });
});
