import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe.js';
import { screenshotPath } from './browser.js';
import { TEST_ADMIN_PASSWORD } from './hub.js';

/** A console page in Chromium that records page errors and CSP violations. */
export async function openConsole(browser: Browser, url: string, opts: { width?: number; height?: number; dark?: boolean } = {}) {
  const page = await browser.newPage({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 }, colorScheme: opts.dark ? 'dark' : 'light' });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) errors.push(msg.text());
  });
  await page.goto(url);
  return { page, errors };
}

/** Signs in as the test admin and waits for the live connection. */
export async function signIn(page: Page, username = 'admin', password = TEST_ADMIN_PASSWORD): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('connection-state').filter({ hasText: /live/i }).waitFor({ timeout: 15_000 });
}

/** Leaves `test-results/<name>.png` and asserts axe finds no serious or critical violation. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: false });
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}
