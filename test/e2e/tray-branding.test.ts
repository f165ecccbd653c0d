// Branding per site, end to end: an administrator sets a site's branding and default language on
// the real hub (HTTP), the real agent-core is told and fetches it, and the tray's Get help window
// (the built page, in Chromium) shows the company name, the logo and the help desk's contacts, in
// the site's language until the employee picks their own. Screenshots in test-results/.
import { SiteAppearanceSchema, SiteListResponseSchema } from '@deskside/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, type TestHub } from '../support/hub.js';
import { makePng } from '../support/png.js';
import { startTray, type TestTray } from '../support/tray.js';

describe('tray branding from the hub, per site', () => {
  let hub: TestHub;
  let browser: Browser;
  let tray: TestTray;
  let token: string;
  let siteId: string;

  const put = (body: unknown) =>
    fetch(`${hub.url}/api/v1/sites/${siteId}/appearance`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function look(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: screenshotPath(`tray-branding-${name}`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    const sites = SiteListResponseSchema.parse((await hub.get('/api/v1/sites', token)).body).sites;
    siteId = sites[0]?.id ?? '';
    browser = await launchChromium();
    tray = await startTray(hub, browser, 'e2e-branding-pc');
    await vi.waitFor(() => expect(tray.runtime().status().phase).toBe('connected'), { timeout: 20_000, interval: 50 });
  });

  afterAll(async () => {
    await tray?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('shows no branding before any is set', async () => {
    const page = await tray.open('get-help');
    await page.locator('h1').waitFor();
    expect(await page.getByTestId('brand').textContent()).toBe('IT help desk');
    expect(await page.getByTestId('brand').locator('img').count()).toBe(0);
    await look(page, 'none-en');
    await page.close();
  });

  it('refuses an SVG logo, an unreadable accent colour and markup in the name, and changes nothing', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    const base = { companyName: 'Acme', logo: null, accentColor: null, phone: null, email: null, openingHours: null };
    const refusals = [
      await put({ branding: { ...base, logo: { mediaType: 'image/png', dataBase64: svg } }, language: null }),
      await put({ branding: { ...base, logo: { mediaType: 'image/svg+xml', dataBase64: svg } }, language: null }),
      await put({ branding: { ...base, accentColor: '#fff8dc' }, language: null }),
      await put({ branding: { ...base, companyName: 'Acme\n<b>' }, language: null }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    const now = SiteAppearanceSchema.parse((await hub.get(`/api/v1/sites/${siteId}/appearance`, token)).body);
    expect(now.updatedAt).toBeNull();
  });

  it('brands Get help in the site language, pushed live; the employee’s own language wins', async () => {
    const page = await tray.open('get-help', { locale: 'en-GB' });
    await page.locator('h1').waitFor();
    const logo = makePng(240, 64);
    expect(logo.length).toBeLessThan(64 * 1024);
    const saved = await put({
      branding: {
        companyName: 'Acme Industries <IT>',
        logo: { mediaType: 'image/png', dataBase64: logo.toString('base64') },
        accentColor: '#7a1f5c',
        phone: '+49 30 1234 5678',
        email: 'it@acme.example',
        openingHours: 'Mo–Fr 8–18 Uhr',
      },
      language: 'de',
    });
    expect(saved.status).toBe(200);

    // Pushed to the open window: name (as text, never markup), logo, contacts, German.
    await vi.waitFor(async () => expect(await page.getByTestId('brand').textContent()).toBe('Acme Industries <IT>'), { timeout: 15_000, interval: 100 });
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByTestId('brand').locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const contact = await page.getByTestId('help-desk-contact').textContent();
    expect(contact).toContain('+49 30 1234 5678');
    expect(contact).toContain('Mo–Fr 8–18 Uhr');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#7a1f5c');
    await look(page, 'site-de');

    for (const scheme of ['light', 'dark'] as const) {
      const narrow = await tray.open('get-help', { scheme, width: 320 });
      await narrow.getByTestId('help-desk-contact').waitFor();
      await look(narrow, `narrow-${scheme}-de`);
      await narrow.close();
    }

    await tray.harness.appearance.setLanguage('en');
    await vi.waitFor(async () => expect(await page.locator('html').getAttribute('lang')).toBe('en'), { timeout: 10_000, interval: 100 });
    expect(await page.getByTestId('brand').textContent()).toBe('Acme Industries <IT>');
    await look(page, 'employee-en');
    await page.close();
    expect(tray.pageErrors).toEqual([]);
  });
});
