// The integrations pages in Chromium: create an API token (shown once), add a webhook to a local
// receiver and "Send test" it (the delivery log says Delivered), and read the API reference.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, type TestHub } from '../support/hub.js';

describe('integrations pages in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let receiver: Server;
  const received: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      received.push(String(req.headers['x-deskside-event']));
      res.statusCode = 204;
      res.end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    hub = await startHub();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${hub.url}/#/admin/api-tokens`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.cleanup();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('creates an API token, shows it once, and lists it with its scopes', async () => {
    await page.getByTestId('no-api-tokens').waitFor();
    await page.screenshot({ path: screenshotPath('integrations-api-tokens-empty'), fullPage: true });
    const form = page.getByTestId('create-api-token');
    await form.getByLabel('Label').fill('Nightly asset sync');
    await form.getByRole('checkbox', { name: /devices:read/ }).check();
    await form.getByRole('button', { name: 'Create token' }).click();
    const value = await page.getByTestId('new-api-token-value').textContent();
    expect(value).toMatch(/^dsk_/);
    await expect.poll(() => page.getByTestId('api-token-list').textContent()).toContain('Nightly asset sync');
    await page.screenshot({ path: screenshotPath('integrations-api-tokens-created'), fullPage: true });
    // The token works for a script.
    const res = await fetch(`${hub.url}/api/v1/devices`, { headers: { authorization: `Bearer ${value ?? ''}` } });
    expect(res.status).toBe(200);
  });

  it('adds a webhook and sends a test delivery that the receiver gets', async () => {
    await page.getByTestId('nav-admin-webhooks').click();
    await page.getByTestId('no-webhooks').waitFor();
    const form = page.getByTestId('create-webhook');
    await form.getByLabel('Label').fill('Ops bridge');
    await form.getByLabel('URL').fill(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
    await form.getByRole('checkbox', { name: 'ticket.created' }).check();
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByTestId('new-webhook-secret').waitFor();
    await page.getByRole('button', { name: 'Send test' }).click();
    await expect.poll(() => page.getByTestId('test-result').textContent()).toContain('Test delivered (HTTP 204)');
    await expect.poll(() => page.getByTestId('delivery').first().textContent()).toContain('Delivered');
    expect(received).toContain('webhook.test');
    await page.screenshot({ path: screenshotPath('integrations-webhooks-log'), fullPage: true });
  });

  it('renders the API reference from the hub\'s OpenAPI document', async () => {
    await page.getByTestId('nav-api-reference').click();
    await expect.poll(() => page.getByTestId('api-op').count()).toBeGreaterThan(70);
    await page.getByText('GET /api/v1/devices', { exact: false }).first().waitFor();
    await page.getByTestId('api-op').filter({ hasText: '/api/v1/tokens' }).first().click();
    await page.getByTestId('api-webhooks').getByText('HMAC-SHA256', { exact: false }).waitFor();
    await page.screenshot({ path: screenshotPath('integrations-api-reference'), fullPage: false });
    expect(pageErrors).toEqual([]);
  });
});
