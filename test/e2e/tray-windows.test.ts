// Every tray window and state in Chromium at the tray's size (420×600), light and dark, English and
// German: the built pages over the tray preview's bridge, the tray's main-process code, a real
// agent-core and a real hub. Each state is screenshotted to test-results/ and checked with axe-core
// (no serious or critical violation). States that pass too fast to see (sending) or that need a
// broken agent (failed) are held or broken at the bridge with Playwright's routing.
import { TicketListResponseSchema } from '@deskside/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WindowKind } from '../../apps/agent/src/main/windows.js';
import { seriousViolations } from '../support/axe.js';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, type TestHub } from '../support/hub.js';
import { startTray, type TestTray } from '../support/tray.js';

const VARIANTS = [
  { scheme: 'light', locale: 'en-GB', lang: 'en' },
  { scheme: 'dark', locale: 'en-GB', lang: 'en' },
  { scheme: 'light', locale: 'de-DE', lang: 'de' },
  { scheme: 'dark', locale: 'de-DE', lang: 'de' },
] as const;
type Variant = (typeof VARIANTS)[number];

const WORDS = {
  en: { submit: 'Send to the help desk', subject: 'What is wrong?', details: 'Tell us more', sent: 'Request sent', queued: 'Request saved', problem: 'There is a problem' },
  de: { submit: 'An den Helpdesk senden', subject: 'Was funktioniert nicht?', details: 'Beschreiben Sie es genauer', sent: 'Anfrage gesendet', queued: 'Anfrage gespeichert', problem: 'Es gibt ein Problem' },
} as const;

describe('tray windows: every state, light and dark, English and German', () => {
  let hub: TestHub;
  let browser: Browser;
  let tray: TestTray;
  let token: string;
  const axeFindings: string[] = [];

  async function open(kind: WindowKind, v: Variant, query = ''): Promise<Page> {
    const page = await tray.open(kind, { scheme: v.scheme, locale: v.locale, query });
    await page.locator('h1').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(v.lang);
    return page;
  }

  /** Screenshot + axe for one state. */
  async function look(page: Page, name: string, v: Variant): Promise<void> {
    await page.screenshot({ path: screenshotPath(`tray-${name}-${v.scheme}-${v.lang}`), fullPage: true });
    for (const violation of await seriousViolations(page)) axeFindings.push(`${name} ${v.scheme} ${v.lang}: ${violation.id} ${violation.nodes.join(' ')}`);
  }

  async function fillHelp(page: Page, v: Variant, subject: string): Promise<void> {
    await page.getByLabel(WORDS[v.lang].subject).fill(subject);
    await page.getByLabel(WORDS[v.lang].details).fill('It started this morning after the update.');
  }

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    browser = await launchChromium();
    tray = await startTray(hub, browser, 'e2e-windows-pc');
    await vi.waitFor(() => expect(tray.runtime().status().phase).toBe('connected'), { timeout: 20_000, interval: 50 });
  });

  afterAll(async () => {
    await tray?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('This computer, Check my connection and an empty My tickets', async () => {
    for (const v of VARIANTS) {
      const computer = await open('this-computer', v);
      await computer.getByTestId('computer-card').waitFor();
      expect(await computer.getByTestId('computer-card').textContent()).toContain('SN-E2E-0001');
      await look(computer, 'this-computer', v);
      await computer.close();

      const connection = await open('check-connection', v);
      await connection.locator('[data-testid="connectivity-report"][data-ok="true"]').waitFor({ timeout: 15_000 });
      await look(connection, 'check-connection-ok', v);
      await connection.close();

      const mine = await open('my-tickets', v);
      await mine.getByTestId('tickets-empty').waitFor();
      await look(mine, 'my-tickets-empty', v);
      await mine.close();
    }
  });

  it('Get help: the form, its errors (summary linked to the fields), sending, failed and sent', async () => {
    for (const v of VARIANTS) {
      // As main does: a fresh screenshot only when no Get help window is open.
      await vi.waitFor(() => expect(tray.harness.isOpen('get-help')).toBe(false));
      await tray.harness.tickets.openGetHelp();
      const page = await open('get-help', v);
      await page.getByTestId('screenshot-preview').waitFor({ timeout: 15_000 });
      await page.getByTestId('diagnostics-panel').waitFor({ timeout: 15_000 });
      await look(page, 'get-help-form', v);

      // Errors: the summary takes focus and its links move focus to each field, by keyboard.
      await page.getByTestId('help-submit').click();
      const summary = page.getByTestId('error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain(WORDS[v.lang].problem);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('help-subject');
      expect(await page.getByTestId('help-subject').getAttribute('aria-invalid')).toBe('true');
      await look(page, 'get-help-errors', v);

      // Failed: the agent refuses to save; the employee is told, with no internal words.
      await fillHelp(page, v, `Printer jams (${v.scheme} ${v.lang})`);
      await page.route('**/bridge/invoke', async (route) =>
        route.request().postData()?.includes('"ticket:submit"')
          ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'EACCES: permission denied, open /x/outbox/01J.json' }) })
          : route.continue(),
      );
      await page.getByTestId('help-submit').click();
      await page.getByTestId('help-error').waitFor();
      expect(await page.locator('body').textContent()).not.toMatch(/EACCES|outbox|01J/);
      await look(page, 'get-help-failed', v);
      await page.unroute('**/bridge/invoke');

      // Sending: held at the bridge for a moment.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/bridge/invoke', async (route) => {
        if (route.request().postData()?.includes('"ticket:submit"')) await held;
        await route.continue();
      });
      await page.getByTestId('help-submit').click();
      await page.getByRole('button', { name: v.lang === 'en' ? 'Sending…' : 'Wird gesendet…' }).waitFor();
      await look(page, 'get-help-sending', v);
      release();
      const result = page.getByTestId('help-result');
      await result.waitFor({ timeout: 15_000 });
      expect(await result.getAttribute('data-queued')).toBe('false');
      expect(await result.textContent()).toContain(WORDS[v.lang].sent);
      await result.getByText(/#\d+/).waitFor({ timeout: 15_000 });
      await look(page, 'get-help-sent', v);
      await page.close();
    }
  });

  it('My tickets: the list with a new answer, and the conversation with the technician’s name', async () => {
    const hubList = async () => TicketListResponseSchema.parse((await hub.get('/api/v1/tickets', token)).body).tickets;
    await expect.poll(async () => (await hubList()).length, { timeout: 15_000 }).toBe(VARIANTS.length);
    const ticket = (await hubList()).find((t) => t.subject === 'Printer jams (light en)');
    const res = await fetch(`${hub.url}/api/v1/tickets/${ticket?.id}/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'Please try tray 2 while we order a new roller.' }),
    });
    expect(res.status).toBe(200);
    await expect.poll(async () => (await tray.desk.list()).find((t) => t.id === ticket?.id)?.messages.length, { timeout: 15_000 }).toBe(2);

    for (const v of VARIANTS) {
      const mine = await open('my-tickets', v);
      const row = mine.locator(`[data-testid="ticket-row"][data-ticket-id="${ticket?.id}"]`);
      await row.waitFor({ timeout: 15_000 });
      expect(await row.getAttribute('data-unread')).toBe('true');
      await look(mine, 'my-tickets-list', v);
      await row.click();
      await mine.locator('[data-testid="thread-message"][data-from="technician"]').waitFor();
      await look(mine, 'my-tickets-thread', v);
      await mine.close();
    }
  });

  it('offline: Get help queues the request and says so; the banner explains', async () => {
    await hub.stop();
    await expect.poll(() => tray.runtime().status().phase, { timeout: 20_000 }).not.toBe('connected');
    for (const v of VARIANTS) {
      // As main does: a fresh screenshot only when no Get help window is open.
      await vi.waitFor(() => expect(tray.harness.isOpen('get-help')).toBe(false));
      await tray.harness.tickets.openGetHelp();
      const page = await open('get-help', v);
      await page.getByTestId('offline-banner').waitFor({ timeout: 15_000 });
      await fillHelp(page, v, `No Wi-Fi (${v.scheme} ${v.lang})`);
      await page.getByTestId('help-submit').click();
      const result = page.getByTestId('help-result');
      await result.waitFor({ timeout: 15_000 });
      expect(await result.getAttribute('data-queued')).toBe('true');
      expect(await result.textContent()).toContain(WORDS[v.lang].queued);
      await look(page, 'get-help-queued', v);
      await page.close();

      const connection = await open('check-connection', v);
      await connection.locator('[data-testid="connectivity-report"][data-ok="false"]').waitFor({ timeout: 15_000 });
      await look(connection, 'check-connection-problem', v);
      await connection.close();
    }
    await hub.restart();
    expect(axeFindings).toEqual([]);
    expect(tray.pageErrors).toEqual([]);
  });
});
