// Confirm the fix, across the tray and the console, in Chromium: the employee asks for help in the
// tray; a technician resolves it in the console; the tray asks "Is this fixed?" (notification and
// in the thread); "No" reopens it with the comment (the console shows the comment, the assignee
// gets a hub alert); resolved again, "Yes" closes it; a one-click rating shows on the console's
// ticket page and as CSAT in the activity report.
import { ActivityReportSchema, AlertListResponseSchema, TicketDetailSchema } from '@deskside/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, type TestHub } from '../support/hub.js';
import { startTray, type TestTray } from '../support/tray.js';

describe('confirm the fix: resolve → not fixed → reopened → resolve → fixed → closed, rated', () => {
  let hub: TestHub;
  let browser: Browser;
  let tray: TestTray;
  let token: string;
  let consolePage: Page;
  let ticketId = '';

  const detail = async () => TicketDetailSchema.parse((await hub.get(`/api/v1/tickets/${ticketId}`, token)).body);

  async function resolveInConsole(note: string): Promise<void> {
    await consolePage.goto(`${hub.url}/#/tickets/${ticketId}`);
    await consolePage.getByTestId('ticket-resolve-open').click();
    await consolePage.getByTestId('ticket-resolve-note').fill(note);
    await consolePage.getByTestId('ticket-resolve').click();
    await expect.poll(async () => (await detail()).ticket.status, { timeout: 15_000 }).toBe('resolved');
  }

  async function openThread(scheme: 'light' | 'dark' = 'light', locale = 'en-GB'): Promise<Page> {
    const page = await tray.open('my-tickets', { query: `?ticket=${ticketId}`, scheme, locale });
    await page.getByTestId('ticket-thread').waitFor({ timeout: 15_000 });
    return page;
  }

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    browser = await launchChromium();
    tray = await startTray(hub, browser, 'e2e-confirm-pc');
    await vi.waitFor(() => expect(tray.runtime().status().phase).toBe('connected'), { timeout: 20_000, interval: 50 });
    const ticket = await tray.desk.create({
      subject: 'Printer jams on every page',
      description: 'Since this morning.',
      category: 'printer',
      urgency: 'medium',
      impact: 'low',
      diagnostics: null,
      screenshot: null,
    });
    ticketId = ticket.id;
    await vi.waitFor(async () => expect((await hub.get(`/api/v1/tickets/${ticketId}`, token)).status).toBe(200), { timeout: 15_000, interval: 100 });
    consolePage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await consolePage.goto(hub.url);
    await consolePage.getByTestId('login-username').fill('admin');
    await consolePage.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await consolePage.getByTestId('login-submit').click();
    await consolePage.getByTestId('connection-state').waitFor({ timeout: 15_000 });
    // The assignee is the one alerted when the employee says it is not fixed.
    const me = (await (await fetch(`${hub.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { user?: { id: string }; id?: string };
    const assign = await fetch(`${hub.url}/api/v1/tickets/${ticketId}/assign`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ assigneeId: me.user?.id ?? me.id }),
    });
    expect(assign.status).toBe(200);
  });

  afterAll(async () => {
    await tray?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('resolved in the console: the tray notifies "Is this fixed?" and asks in the thread', async () => {
    await resolveInConsole('Cleaned the rollers.');
    await vi.waitFor(() => expect(tray.harness.notices().some((n) => n.ticketId === ticketId && n.title === 'Is this fixed?')).toBe(true), { timeout: 15_000 });
    for (const [scheme, locale, lang] of [['light', 'en-GB', 'en'], ['dark', 'de-DE', 'de']] as const) {
      const page = await openThread(scheme, locale);
      await page.getByTestId('confirm-fix').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('confirm-fix').textContent()).toContain(lang === 'en' ? 'Is this fixed?' : 'Ist das Problem behoben?');
      await page.screenshot({ path: screenshotPath(`tray-confirm-ask-${scheme}-${lang}`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }
    const index = await browser.newPage();
    await index.goto(tray.server.url);
    expect(await index.getByTestId('preview-notice').first().textContent()).toContain('Is this fixed?');
    await index.screenshot({ path: screenshotPath('tray-notifications'), fullPage: true });
    await index.close();
  });

  it('"No" needs a comment, then reopens the ticket with it; the console shows it and the assignee is alerted', async () => {
    const page = await openThread();
    await page.getByTestId('confirm-no').click();
    await page.getByTestId('confirm-reopen').click();
    expect(await page.locator('#confirm-comment-error').textContent()).toContain('Tell us what is still wrong');
    await page.screenshot({ path: screenshotPath('tray-confirm-no-error-light-en'), fullPage: true });
    await page.getByLabel('What is still wrong?').fill('It still jams on the second page.');
    await page.getByTestId('confirm-reopen').click();
    await expect.poll(async () => (await detail()).ticket.status, { timeout: 15_000 }).toBe('open');
    const events = (await detail()).events;
    expect(events.find((e) => e.type === 'fix-rejected')).toMatchObject({ body: 'It still jams on the second page.', actor: { type: 'employee' } });
    await page.locator('[data-testid="thread-message"][data-from="employee"]').filter({ hasText: 'It still jams on the second page.' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('confirm-fix').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('tray-confirm-reopened-light-en'), fullPage: true });
    await page.close();

    await consolePage.goto(`${hub.url}/#/tickets/${ticketId}`);
    await consolePage.getByText('It still jams on the second page.').first().waitFor({ timeout: 15_000 });
    const alerts = AlertListResponseSchema.parse((await hub.get('/api/v1/alerts?state=open', token)).body).alerts;
    expect(alerts.find((a) => a.check === 'ticket-reopened')?.message).toMatch(/not fixed \(assigned to .+\): It still jams/);
  });

  it('resolved again, "Yes" closes it; the one-click rating shows on the console and in the activity report', async () => {
    await resolveInConsole('Replaced the roller.');
    const page = await openThread();
    await page.getByTestId('confirm-yes').waitFor({ timeout: 15_000 });
    await page.getByTestId('confirm-yes').click();
    await expect.poll(async () => (await detail()).ticket.status, { timeout: 15_000 }).toBe('closed');
    await page.getByTestId('rate-good').click();
    await page.locator('[data-testid="rate-help"][data-rating="good"]').waitFor({ timeout: 15_000 });
    await page.getByTestId('rate-comment').fill('Quick and friendly.');
    await page.getByTestId('rate-send').click();
    await expect.poll(async () => (await detail()).ticket.satisfaction?.comment ?? null, { timeout: 15_000 }).toBe('Quick and friendly.');
    await page.screenshot({ path: screenshotPath('tray-confirm-closed-rated-light-en'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    await consolePage.goto(`${hub.url}/#/tickets/${ticketId}`);
    await consolePage.locator('[data-testid="ticket-rating"][data-rating="good"]').waitFor({ timeout: 15_000 });
    await consolePage.screenshot({ path: screenshotPath('console-ticket-rating'), fullPage: true });

    const today = new Date().toISOString().slice(0, 10);
    const report = ActivityReportSchema.parse((await hub.get(`/api/v1/reports/activity?from=${today}&to=${today}&tz=UTC`, token)).body);
    expect(report.satisfaction.overall).toMatchObject({ good: 1, bad: 0, csatPercent: 100, resolutions: 2, reopened: 1, reopenPercent: 50 });
    expect(report.satisfaction.byCategory).toEqual([expect.objectContaining({ category: 'printer', csatPercent: 100, reopenPercent: 50 })]);
    await consolePage.goto(`${hub.url}/#/reports/activity`);
    await consolePage.getByTestId('csat-technician').waitFor({ timeout: 15_000 });
    expect(await consolePage.getByTestId('csat-technician').textContent()).toMatch(/100(\.0)?% \(1 of 1\)/);
    expect(await consolePage.getByTestId('csat-category').textContent()).toMatch(/50(\.0)?% \(1 of 2\)/);
    await consolePage.getByTestId('csat-technician').scrollIntoViewIfNeeded();
    await consolePage.screenshot({ path: screenshotPath('console-activity-csat'), fullPage: true });
    expect(tray.pageErrors).toEqual([]);
  });
});
