// The tray's Get help and My tickets windows in Chromium (no Electron binary here): the BUILT renderer
// pages served by the tray preview's server, whose bridge runs the tray's real main-process handlers
// (zod-validated IPC, HelpSession) over a REAL agent-core enrolled against a REAL hub (the same
// harness as `npm run tray:preview`). A ticket goes in with a screenshot and diagnostics, a
// technician answers through the hub, and the answer shows up live in My tickets; offline, it queues.
import { TicketDetailSchema, TicketListResponseSchema, type Ticket } from '@deskside/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WindowKind } from '../../apps/agent/src/main/windows.js';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, type TestHub } from '../support/hub.js';
import { startTray, type TestTray } from '../support/tray.js';

describe('Get help and My tickets (tray renderer in Chromium, real agent-core and hub)', () => {
  let hub: TestHub;
  let browser: Browser;
  let tray: TestTray;
  let token: string;
  const pages = new Map<WindowKind, Page>();

  async function openPage(kind: WindowKind, query = ''): Promise<Page> {
    const page = await tray.open(kind, { query });
    pages.set(kind, page);
    return page;
  }

  async function hubTickets(): Promise<Ticket[]> {
    const res = await hub.get('/api/v1/tickets', token);
    expect(res.status).toBe(200);
    return TicketListResponseSchema.parse(res.body).tickets;
  }

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    browser = await launchChromium();
    tray = await startTray(hub, browser);
    await vi.waitFor(() => expect(tray.runtime().status().phase).toBe('connected'), { timeout: 20_000, interval: 50 });
    // The Get help window opens only after the screenshot was taken (main does this on the menu click).
    await tray.harness.tickets.openGetHelp();
  });

  afterAll(async () => {
    await tray?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  let ticketId = '';

  it('shows the screenshot and the diagnostics, and says clearly what is missing', async () => {
    const page = await openPage('get-help');
    await page.getByTestId('screenshot-preview').waitFor({ timeout: 15_000 });
    const panel = page.getByTestId('diagnostics-panel');
    await panel.waitFor({ timeout: 15_000 });
    await panel.locator('summary').click();
    expect(await panel.textContent()).toContain('e2e-help-pc');
    expect(await panel.getByTestId('connectivity-report').textContent()).toMatch(/Help desk server\s*Reachable/);
    await page.getByTestId('help-submit').click();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/Enter a few words about what is wrong/);
    expect(await page.getByTestId('help-subject').getAttribute('aria-invalid')).toBe('true');
  });

  it('submits a ticket with its screenshot; the hub has it once, with the diagnostics', async () => {
    const page = pages.get('get-help') as Page;
    await page.getByLabel('What is wrong?').fill('Printer jams on every page');
    await page.getByLabel('Tell us more').fill('The 2nd floor printer jams since this morning.');
    await page.getByLabel('What is it about?').selectOption('printer');
    await page.getByRole('radio', { name: 'I can work, but it slows me down' }).check();
    await page.getByRole('radio', { name: 'My team' }).check();
    await page.getByTestId('help-submit').click();
    const result = page.getByTestId('help-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('data-queued')).toBe('false');
    ticketId = (await result.getAttribute('data-ticket-id')) ?? '';
    await page.screenshot({ path: screenshotPath('tray-get-help-sent'), fullPage: true });

    await expect.poll(async () => (await hubTickets()).filter((t) => t.id === ticketId).length, { timeout: 15_000 }).toBe(1);
    const ticket = (await hubTickets()).find((t) => t.id === ticketId);
    expect(ticket).toMatchObject({
      subject: 'Printer jams on every page',
      category: 'printer',
      urgency: 'medium',
      impact: 'medium',
      priority: 'P3',
      source: 'agent',
      hostname: 'e2e-help-pc',
      requester: { name: 'Erin Employee', username: 'erin' },
      hasDiagnostics: true,
    });
    expect(ticket?.attachments.map((a) => [a.kind, a.mediaType])).toEqual([['screenshot', 'image/png']]);
    const detail = TicketDetailSchema.parse((await hub.get(`/api/v1/tickets/${ticketId}`, token)).body);
    expect(detail.diagnostics?.summary.hostname).toBe('e2e-help-pc');
    expect(detail.diagnostics?.connectivity?.hubReachable).toBe(true);
  });

  it('the console logs in; a technician reply shows up live in My tickets; the employee answers', async () => {
    const consolePage = await browser.newPage();
    await consolePage.goto(hub.url);
    await consolePage.getByTestId('login-username').fill('admin');
    await consolePage.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await consolePage.getByTestId('login-submit').click();
    await consolePage.getByTestId('connection-state').waitFor({ timeout: 15_000 });

    const mine = await openPage('my-tickets', `?ticket=${ticketId}`);
    // The notification's link opens the conversation itself.
    await mine.locator(`[data-testid="ticket-thread"][data-ticket-id="${ticketId}"]`).waitFor({ timeout: 15_000 });

    // The technician answers from the console's ticket page, where the screenshot and diagnostics show.
    await consolePage.goto(`${hub.url}/#/tickets/${ticketId}`);
    await consolePage.getByTestId('ticket-screenshot').waitFor({ timeout: 15_000 });
    await consolePage.getByTestId('ticket-diagnostics').waitFor({ timeout: 15_000 });
    await consolePage.getByTestId('ticket-reply-body').fill('Please try tray 2 while we order a roller.');
    await consolePage.getByTestId('ticket-reply-send').click();
    const answer = mine.locator('[data-testid="thread-message"][data-from="technician"]');
    await answer.waitFor({ timeout: 15_000 });
    expect(await answer.textContent()).toContain('Please try tray 2 while we order a roller.');

    await mine.getByLabel('Your answer').fill('Tray 2 works, thanks!');
    await mine.getByTestId('reply-send').click();
    await expect
      .poll(async () => {
        const detail = TicketDetailSchema.parse((await hub.get(`/api/v1/tickets/${ticketId}`, token)).body);
        return detail.events.filter((e) => e.type === 'reply' && e.body === 'Tray 2 works, thanks!').length;
      }, { timeout: 15_000 })
      .toBe(1);
    // The hub's echo replaces the pending reply: shown once, no longer "waiting to be sent".
    const mineReply = mine.locator('[data-testid="thread-message"][data-from="employee"]').filter({ hasText: 'Tray 2 works, thanks!' });
    await mineReply.filter({ hasNotText: 'waiting to be sent' }).waitFor({ timeout: 15_000 });
    expect(await mineReply.count()).toBe(1);
    await mine.screenshot({ path: screenshotPath('tray-my-tickets'), fullPage: true });
    // …and the employee's answer reaches the console's ticket page live.
    await consolePage.locator('[data-testid="thread-entry"][data-type="reply"]').filter({ hasText: 'Tray 2 works, thanks!' }).waitFor({ timeout: 15_000 });
    await consolePage.screenshot({ path: screenshotPath('get-help-console-ticket'), fullPage: true });
    await consolePage.close();
  });

  it('queues a ticket while the hub is down and delivers it exactly once when it is back', async () => {
    await hub.stop();
    await expect.poll(() => tray.runtime().status().phase, { timeout: 20_000 }).not.toBe('connected');
    const page = await openPage('get-help');
    await page.getByLabel('What is wrong?').fill('No network in meeting room');
    await page.getByLabel('Tell us more').fill('The Wi-Fi drops every minute.');
    await page.getByLabel('What is it about?').selectOption('network');
    await page.getByTestId('help-submit').click();
    const result = page.getByTestId('help-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('data-queued')).toBe('true');
    expect(await result.textContent()).toMatch(/queued and will be sent when you are back online/i);
    const queuedId = (await result.getAttribute('data-ticket-id')) ?? '';
    const mine = pages.get('my-tickets') as Page;
    await mine.getByTestId('thread-back').click();
    await mine.locator(`[data-testid="ticket-row"][data-ticket-id="${queuedId}"]`).filter({ hasText: /Waiting to be sent/ }).waitFor({ timeout: 10_000 });

    await hub.restart();
    token = await hub.login();
    await expect.poll(async () => (await hubTickets()).filter((t) => t.id === queuedId).length, { timeout: 60_000 }).toBe(1);
    await mine.locator(`[data-testid="ticket-row"][data-ticket-id="${queuedId}"]`).filter({ hasNotText: /Waiting to be sent/ }).waitFor({ timeout: 15_000 });
    // Let the drain and a reconnect cycle run again: still exactly once.
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await hubTickets()).filter((t) => t.id === queuedId)).toHaveLength(1);
    expect(tray.pageErrors).toEqual([]);
  });
});
