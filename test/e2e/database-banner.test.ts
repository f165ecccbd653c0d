// The hub is up but its PostgreSQL is not: the console says so calmly (a status banner, not the
// disconnected banner), and the banner goes by itself when the database is back.
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from '../../packages/store/src/postgres/local-postgres.js';
import { postgresUnavailable, withDatabase } from '../../packages/store/src/test-support/postgres.js';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { checkPage, openConsole, signIn } from '../support/console-page.js';
import { startHub, type TestHub } from '../support/hub.js';

describe.skipIf(postgresUnavailable() !== undefined)('console while the hub database is down', () => {
  let cluster: LocalPostgres;
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    cluster = await startLocalPostgres();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database banner');
    await admin.end();
    hub = await startHub(['--database', withDatabase(cluster.url, 'banner')]);
    browser = await launchChromium();
    ({ page, errors } = await openConsole(browser, hub.url));
    await signIn(page);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.cleanup();
    await cluster?.destroy();
  });

  it('shows a status banner while PostgreSQL is stopped, keeps the console live, and clears it when it is back', async () => {
    const banner = page.getByTestId('database-banner');
    expect(await banner.count()).toBe(0);
    await cluster.stop();
    // The console asks /healthz every 20 s (every 5 s while down).
    await banner.waitFor({ timeout: 40_000 });
    expect(await banner.getAttribute('role')).toBe('status');
    expect(await banner.textContent()).toMatch(/waiting for its database/i);
    expect(await page.getByTestId('stale-banner').count()).toBe(0);
    await checkPage(page, 'database-banner-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('database-banner-dark') });
    await page.emulateMedia({ colorScheme: 'light' });

    await cluster.start();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});
