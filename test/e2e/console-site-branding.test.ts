// The console's Tray branding page in Chromium: an admin picks a logo file, a name, contacts and
// the tray language for a site and saves; the hub stores exactly that (checked over the API). A
// refused save (an accent colour white text cannot be read on) shows the hub's reason.
import { SiteAppearanceSchema, SiteListResponseSchema } from '@deskside/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { checkPage, openConsole, signIn } from '../support/console-page.js';
import { startHub, type TestHub } from '../support/hub.js';
import { makePng } from '../support/png.js';

describe('tray branding page in the console', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let token = '';
  let siteId = '';

  beforeAll(async () => {
    hub = await startHub();
    browser = await launchChromium();
    token = await hub.login();
    siteId = SiteListResponseSchema.parse((await hub.get('/api/v1/sites', token)).body).sites[0]?.id ?? '';
    ({ page, errors } = await openConsole(browser, hub.url));
    await signIn(page);
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.cleanup();
  });

  it('saves name, logo, contacts and language, and shows a refusal in words', async () => {
    await page.getByTestId('nav-admin-sites').click();
    const form = page.getByTestId('branding-form');
    await form.waitFor({ timeout: 15_000 });
    await checkPage(page, 'console-site-branding-empty');

    await form.getByLabel('Company name').fill('Acme Industries');
    await form.getByLabel('Help desk phone').fill('+49 30 1234 5678');
    await form.getByLabel('Help desk e-mail').fill('it@acme.example');
    await form.getByLabel('Opening hours').fill('Mo–Fr 8–18');
    await form.getByLabel(/^Logo/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: makePng(240, 64) });
    await form.getByAltText('Current logo').waitFor();
    await form.getByLabel('Tray language').selectOption('de');
    await form.getByLabel('Own accent colour').check();
    await form.getByLabel('Accent colour', { exact: true }).fill('#ffe066');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('branding-message').textContent(), { timeout: 10_000 }).toMatch(/hard to read/);
    await checkPage(page, 'console-site-branding-error');

    await form.getByLabel('Accent colour', { exact: true }).fill('#7a1f5c');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByTestId('branding-message').textContent(), { timeout: 10_000 }).toMatch(/Saved/);
    await checkPage(page, 'console-site-branding-saved');

    const stored = SiteAppearanceSchema.parse((await hub.get(`/api/v1/sites/${siteId}/appearance`, token)).body);
    expect(stored.branding).toMatchObject({ companyName: 'Acme Industries', phone: '+49 30 1234 5678', email: 'it@acme.example', openingHours: 'Mo–Fr 8–18', accentColor: '#7a1f5c' });
    expect(stored.branding.logo?.mediaType).toBe('image/png');
    expect(stored.language).toBe('de');
    expect(errors).toEqual([]);
  });
});
