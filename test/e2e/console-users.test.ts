// User editing in Chromium: an admin changes a technician's role and tier, scopes them to a site,
// resets their password and disables them; the hub applies each change (checked over the API).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { checkPage, openConsole, signIn } from '../support/console-page.js';
import { startHub, type TestHub } from '../support/hub.js';

describe('user editing in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let token = '';
  let siteId = '';

  const userOf = async (username: string) => {
    const body = (await hub.get('/api/v1/users', token)).body as { users: { id: string; username: string; role: string; tier: number | null; siteIds: string[]; disabledAt: string | null }[] };
    return body.users.find((u) => u.username === username);
  };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(hub.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await res.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
    token = await hub.login();
    siteId = (await post('/api/v1/sites', { name: 'Lyon branch' }))['id'] as string;
    await post('/api/v1/users', { username: 'tess', displayName: 'Tess Tech', password: 'tess-password-123456', role: 'technician', tier: 1 });
    ({ page, errors } = await openConsole(browser, hub.url));
    await signIn(page);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.cleanup();
  });

  it('changes role, tier and sites from the editor', async () => {
    await page.getByTestId('nav-admin-users').click();
    const row = page.locator('[data-testid="user-row"][data-username="tess"]');
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('edit-user').click();
    const editor = page.getByTestId('user-editor');
    await editor.getByTestId('edit-tier').selectOption('2');
    await editor.getByTestId('edit-all-sites').uncheck();
    await editor.getByText('Lyon branch').click();
    await checkPage(page, 'user-editor');
    await editor.getByTestId('edit-save').click();
    await expect.poll(() => page.getByTestId('admin-message').textContent(), { timeout: 10_000 }).toContain('Saved tess.');
    await expect.poll(async () => (await userOf('tess'))?.tier).toBe(2);
    expect((await userOf('tess'))?.siteIds).toEqual([siteId]);
    expect(await row.textContent()).toContain('Lyon branch');
  });

  it('resets the password, and the new one signs in', async () => {
    await page.getByTestId('edit-password').fill('brand-new-password-42');
    await page.getByTestId('edit-reset-password').click();
    await expect.poll(() => page.getByTestId('admin-message').textContent(), { timeout: 10_000 }).toContain('New password set for tess');
    const res = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tess', password: 'brand-new-password-42' }) });
    expect(res.status).toBe(200);
  });

  it('disables the account; it can no longer sign in', async () => {
    await page.getByTestId('edit-toggle-disabled').click();
    await expect.poll(() => page.locator('[data-testid="user-row"][data-username="tess"] [data-testid="user-state"]').textContent(), { timeout: 10_000 }).toContain('Disabled');
    expect((await userOf('tess'))?.disabledAt).not.toBeNull();
    const res = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tess', password: 'brand-new-password-42' }) });
    expect(res.status).not.toBe(200);
    await checkPage(page, 'users-after-edit');
    expect(errors).toEqual([]);
  });
});
