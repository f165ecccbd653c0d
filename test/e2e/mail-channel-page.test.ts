// The e-mail channel's health page in Chromium, on a real hub started with a mailbox and an
// outgoing server that cannot be reached: the admin sees the mailbox failing with its reason
// (never its password) and that nothing was sent, with no serious accessibility violation.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, type TestHub } from '../support/hub.js';

describe('the E-mail channel page', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there.
    hub = await startHub(['--mailbox', 'imap://help%40example.com:mailbox-secret-91@127.0.0.1:1/INBOX', '--smtp', 'smtp://127.0.0.1:1?from=help@example.com']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.cleanup();
  });

  it('shows the unreachable mailbox failing, with its reason and without its password', async () => {
    await page.goto(`${hub.url}/#/admin/mail`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    const state = page.getByTestId('mailbox-state');
    await state.waitFor({ timeout: 15_000 });
    // The first read fails within moments; the page shows what the hub knew when it loaded.
    for (let i = 0; i < 20 && (await state.textContent()) !== 'Failing'; i++) {
      await page.waitForTimeout(500);
      await page.reload();
      await state.waitFor({ timeout: 15_000 });
    }
    expect(await state.textContent()).toBe('Failing');
    const text = (await page.locator('main, body').first().textContent()) ?? '';
    expect(text).toContain('help@example.com@127.0.0.1/INBOX');
    expect(text).not.toContain('mailbox-secret-91');
    expect(await page.getByTestId('no-outgoing').textContent()).toContain('Nothing sent yet');
    await page.screenshot({ path: screenshotPath('mail-channel-failing'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
