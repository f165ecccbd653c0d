// Issue 18's proof in Chromium: a technician runs "clear temporary files" from a ticket in the
// console; the employee approves in the tray window; the result appears in the ticket live (run
// state and the internal note), and on the device page. A second fix, declined, shows as such.
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, type TestHub } from '../support/hub.js';
import { startTray, type TestTray } from '../support/tray.js';

describe.runIf(process.platform === 'linux')('consented fixes: console → tray consent → result in the ticket', () => {
  let hub: TestHub;
  let browser: Browser;
  let tray: TestTray;
  let consolePage: Page;
  let ticketId = '';
  let deviceId = '';
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
    tray = await startTray(hub, browser, 'e2e-fix-pc');
    await vi.waitFor(() => expect(tray.runtime().status().phase).toBe('connected'), { timeout: 20_000, interval: 50 });
    deviceId = tray.runtime().status().deviceId ?? '';
    const ticket = await tray.desk.create({ subject: 'My disk is full', description: 'Windows says there is no space left.', category: 'hardware', urgency: 'medium', impact: 'low', diagnostics: null, screenshot: null });
    ticketId = ticket.id;
    const token = await hub.login();
    await vi.waitFor(async () => expect((await hub.get(`/api/v1/tickets/${ticketId}`, token)).status).toBe(200), { timeout: 15_000, interval: 100 });
    const old = Date.now() / 1000 - 5 * 86_400;
    writeFileSync(path.join(tray.fixTempDir, 'setup-leftover.tmp'), Buffer.alloc(3 * 1024 * 1024, 1));
    utimesSync(path.join(tray.fixTempDir, 'setup-leftover.tmp'), old, old);
    writeFileSync(path.join(tray.fixTempDir, 'in-use.tmp'), Buffer.alloc(1024, 1));

    consolePage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    consolePage.on('pageerror', (err) => consoleErrors.push(err.message));
    await consolePage.goto(hub.url);
    await consolePage.getByTestId('login-username').fill('admin');
    await consolePage.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await consolePage.getByTestId('login-submit').click();
    await consolePage.getByTestId('connection-state').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await tray?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('the technician requests "clear temporary files" from the ticket; it waits for the employee', async () => {
    await consolePage.goto(`${hub.url}/#/tickets/${ticketId}`);
    const panel = consolePage.getByTestId('fix-panel');
    await panel.getByTestId('fix-empty').waitFor({ timeout: 15_000 });
    await panel.scrollIntoViewIfNeeded();
    await consolePage.screenshot({ path: screenshotPath('fixes-ticket-empty') });
    await panel.getByTestId('fix-action').selectOption('clear-temp-files');
    await panel.getByLabel('Older than (days)').fill('1');
    await panel.getByTestId('fix-request').click();
    await panel.locator('[data-testid="fix-run"][data-state="awaiting-consent"]').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('fix-request').isDisabled()).toBe(true);
    await panel.scrollIntoViewIfNeeded();
    await consolePage.screenshot({ path: screenshotPath('fixes-ticket-waiting') });
    expect(await seriousViolations(consolePage)).toEqual([]);
  });

  it('the employee sees what, who and why in the tray, and approves; the result appears in the ticket live', async () => {
    await vi.waitFor(() => expect(tray.harness.notices().some((n) => n.title === 'Your help desk asks to fix something')).toBe(true), { timeout: 15_000 });
    for (const [scheme, locale] of [['dark', 'de-DE'], ['light', 'en-GB']] as const) {
      const page = await tray.open('fix-consent', { scheme, locale });
      await page.getByTestId('fix-consent').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('fix-title').textContent()).toBe(locale === 'en-GB' ? 'Clear temporary files' : 'Temporäre Dateien löschen');
      expect(await page.getByTestId('fix-reason').textContent()).toContain('My disk is full');
      await page.screenshot({ path: screenshotPath(`tray-fix-consent-${scheme}-${locale.slice(0, 2)}`), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      if (locale === 'en-GB') {
        await page.getByTestId('fix-approve').click();
        await page.getByTestId('fix-none').waitFor({ timeout: 15_000 });
        expect(await page.getByTestId('fix-none').textContent()).toContain('Thank you');
        await page.screenshot({ path: screenshotPath('tray-fix-answered-light-en'), fullPage: true });
      }
      await page.close();
    }

    const panel = consolePage.getByTestId('fix-panel');
    const done = panel.locator('[data-testid="fix-run"][data-state="succeeded"]');
    await done.waitFor({ timeout: 20_000 });
    expect(await done.textContent()).toContain('3.0 MB freed');
    await consolePage.getByText('Fix "Clear temporary files" succeeded').first().waitFor({ timeout: 15_000 });
    expect(existsSync(path.join(tray.fixTempDir, 'setup-leftover.tmp'))).toBe(false);
    expect(existsSync(path.join(tray.fixTempDir, 'in-use.tmp'))).toBe(true);
    await done.locator('summary').click();
    await panel.scrollIntoViewIfNeeded();
    await consolePage.screenshot({ path: screenshotPath('fixes-ticket-succeeded') });
    await consolePage.getByText('Fix "Clear temporary files" succeeded').first().scrollIntoViewIfNeeded();
    await consolePage.screenshot({ path: screenshotPath('fixes-ticket-note') });
  });

  it('a declined fix shows as declined; the device page lists the device’s runs', async () => {
    const panel = consolePage.getByTestId('fix-panel');
    await panel.getByTestId('fix-action').selectOption('collect-logs');
    await panel.getByTestId('fix-request').click();
    await vi.waitFor(() => expect(tray.runtime().fixes?.pending()).toHaveLength(1), { timeout: 15_000 });
    const page = await tray.open('fix-consent');
    await page.getByTestId('fix-decline').click();
    await page.getByTestId('fix-none').waitFor({ timeout: 15_000 });
    await page.close();
    await panel.locator('[data-testid="fix-run"][data-state="declined"]').waitFor({ timeout: 15_000 });

    await consolePage.goto(`${hub.url}/#/devices/${deviceId}`);
    const devicePanel = consolePage.getByTestId('fix-panel');
    await devicePanel.locator('[data-testid="fix-run"]').nth(1).waitFor({ timeout: 15_000 });
    expect(await devicePanel.locator('[data-testid="fix-run"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')))).toEqual(['declined', 'succeeded']);
    await devicePanel.scrollIntoViewIfNeeded();
    await consolePage.screenshot({ path: screenshotPath('fixes-device-page'), fullPage: false });
    expect(await seriousViolations(consolePage)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(tray.pageErrors).toEqual([]);
  });
});
