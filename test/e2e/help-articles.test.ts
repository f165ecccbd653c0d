// Help articles in the tray (#15), in Chromium over the tray preview's server (the tray's real
// main-process handlers, a REAL agent-core and a REAL hub): suggestions while the employee types
// the subject in Get help, "I still need help" (the articles read go with the ticket) and "This
// solved it" (a deflection in the hub's report); the Help articles window (browse, search, read,
// "Was this helpful?"); hostile Markdown inert; and the same offline from the bounded copy.
import { type Article, type KbReport } from '@deskside/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, type TestHub } from '../support/hub.js';
import { startTray, type TestTray } from '../support/tray.js';

const HOSTILE = [
  '# Hostile <script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '[click me](javascript:window.__pwned=3) [data](data:text/html,<script>parent.__pwned=4</script>) [ok](https://example.com/safe)',
  '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe><a href="javascript:alert(1)">raw link</a><style>body{display:none}</style>',
  '![huge](https://evil.example.com/track.png) ![js](javascript:alert(6)) ![hub](/api/v1/kb/articles/x/attachments/y)',
  '| a | b |\n| - | - |\n' + Array.from({ length: 3000 }, (_, i) => `| <b>${i}</b> | [x](javascript:alert(${i})) |`).join('\n'),
].join('\n\n');

const ARTICLES = [
  { title: 'Outlook crashes when it starts', body: 'Start Outlook in **safe mode** (hold Ctrl), then disable the PDF add-in under File > Options > Add-ins.\n\nStill stuck? Read [the vendor page](https://support.example.com/outlook).', category: 'Email', tags: ['outlook', 'crash'] },
  { title: 'Connect to the VPN from home', body: 'Open GlobalProtect, sign in with your usual password and approve the phone prompt.', category: 'Network', tags: ['vpn'] },
  { title: 'Clear a paper jam', body: 'Open tray 2, then the rear door. Pull the paper out slowly.', category: 'Printing', tags: ['printer'] },
  { title: 'Reset your password', body: 'Use the self-service portal, then sign in to Outlook again.', category: 'Accounts', tags: ['password'] },
  { title: 'Hostile formatting test', body: HOSTILE, category: 'Testing', tags: ['hostile'] },
];

describe('Help articles in the tray (renderer in Chromium, real agent-core and hub)', () => {
  let hub: TestHub;
  let browser: Browser;
  let tray: TestTray;
  let token: string;
  const ids = new Map<string, string>();
  const dialogs: string[] = [];

  const api = async (p: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${hub.url}${p}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { 'content-type': 'application/json', origin: hub.url } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const open = async (kind: 'get-help' | 'help-articles', options: { width?: number; scheme?: 'light' | 'dark' } = {}): Promise<Page> => {
    const page = await tray.open(kind, options.scheme ? { scheme: options.scheme } : {});
    if (options.width) await page.setViewportSize({ width: options.width, height: 640 });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`tray-kb-${name}`), fullPage: true });

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    browser = await launchChromium();
    tray = await startTray(hub, browser, 'e2e-kb-pc');
    await vi.waitFor(() => expect(tray.runtime().status().phase).toBe('connected'), { timeout: 20_000, interval: 50 });
  });

  afterAll(async () => {
    await tray?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('says what to do when the help desk has no articles yet', async () => {
    const page = await open('help-articles');
    await page.getByTestId('articles-empty').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('articles-empty').textContent()).toMatch(/no help articles on this computer yet/);
    await shot(page, 'help-articles-empty');
    await page.close();
  });

  it('brings published employee articles into the copy on this PC, and nothing else', async () => {
    for (const a of ARTICLES) {
      const created = await api('/api/v1/kb/articles', { method: 'POST', body: { ...a, audience: 'employees', status: 'published' } });
      expect(created.status).toBe(201);
      ids.set(a.title, (created.body as unknown as Article).id);
    }
    await api('/api/v1/kb/articles', { method: 'POST', body: { title: 'Domain controller runbook', body: 'Technicians only.', audience: 'technicians', status: 'published' } });
    await api('/api/v1/kb/articles', { method: 'POST', body: { title: 'VPN draft', body: 'Not yet.', audience: 'employees', status: 'draft' } });
    const page = await open('help-articles');
    await expect.poll(async () => page.getByTestId('article-link').count(), { timeout: 15_000 }).toBe(ARTICLES.length);
    expect((await tray.kb.copy.articles()).map((a) => a.title).sort()).toEqual(ARTICLES.map((a) => a.title).sort());
    expect(await page.getByTestId('article-category').locator('h2').allTextContents()).toEqual(['Accounts', 'Email', 'Network', 'Printing', 'Testing']);
    await shot(page, 'help-articles-populated');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('suggests articles while the employee types the subject; "I still need help" sends the ticket with the articles read', async () => {
    await tray.harness.tickets.openGetHelp();
    const page = await open('get-help');
    const suggestions = page.getByTestId('suggested-article');
    await page.getByLabel('What is wrong?').pressSequentially('outlok crashs', { delay: 20 });
    await expect.poll(async () => (await suggestions.allTextContents())[0] ?? '', { timeout: 15_000 }).toContain('Outlook crashes when it starts');
    expect(await suggestions.count()).toBeLessThanOrEqual(3);
    await shot(page, 'get-help-suggestions');
    await suggestions.first().click();
    await page.getByTestId('article').waitFor();
    expect(await page.getByTestId('article-body').locator('strong').textContent()).toBe('safe mode');
    expect(await page.getByTestId('article-body').locator('a').getAttribute('href')).toBe('https://support.example.com/outlook');
    await shot(page, 'get-help-reading');
    await page.getByTestId('article-still-need-help').click();
    await page.getByLabel('Tell us more').fill('Safe mode did not help either.');
    await page.getByTestId('help-submit').click();
    const result = page.getByTestId('help-result');
    await result.waitFor({ timeout: 15_000 });
    const ticketId = (await result.getAttribute('data-ticket-id')) ?? '';
    await expect
      .poll(async () => ((await api(`/api/v1/tickets/${ticketId}/kb`)).body['linked'] as Array<{ id: string; relation: string }> | undefined) ?? [], { timeout: 15_000 })
      .toEqual([expect.objectContaining({ id: ids.get('Outlook crashes when it starts'), relation: 'read-before-asking' })]);
    await page.close();
  });

  it('"This solved it" ends the request without a ticket and the report counts the deflection', async () => {
    const before = ((await api('/api/v1/tickets')).body['tickets'] as unknown[]).length;
    await tray.harness.tickets.openGetHelp();
    const page = await open('get-help', { width: 340 });
    await page.getByLabel('What is wrong?').fill('vpn from home');
    await page.getByTestId('suggested-article').first().waitFor({ timeout: 15_000 });
    await shot(page, 'get-help-suggestions-narrow');
    await page.getByTestId('suggested-article').first().click();
    await page.getByTestId('article-solved').click();
    await page.getByTestId('help-solved').waitFor({ timeout: 15_000 });
    await shot(page, 'get-help-solved');
    const period = `from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
    await expect
      .poll(async () => ((await api(`/api/v1/kb/report?${period}`)).body as unknown as KbReport).deflections, { timeout: 15_000 })
      .toBe(1);
    expect(((await api('/api/v1/tickets')).body['tickets'] as unknown[]).length).toBe(before);
    await page.close();
  });

  it('searches, reads and takes "Was this helpful?" in the Help articles window', async () => {
    const page = await open('help-articles');
    await page.getByTestId('article-link').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('article-search').fill('fax machine toner');
    await page.getByTestId('articles-no-results').waitFor({ timeout: 15_000 });
    await shot(page, 'help-articles-no-results');
    await page.getByTestId('article-search').fill('papr jam');
    await expect.poll(async () => (await page.getByTestId('article-results').getByTestId('article-link').allTextContents())[0] ?? '', { timeout: 15_000 }).toContain('Clear a paper jam');
    await page.getByTestId('article-results').getByTestId('article-link').first().click();
    await page.getByTestId('article-unhelpful').click();
    await page.getByTestId('article-comment').fill('Which printer? There are three.');
    await shot(page, 'help-articles-feedback');
    await page.getByTestId('article-comment-send').click();
    await page.getByTestId('article-feedback-thanks').waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => ((await api(`/api/v1/kb/articles/${ids.get('Clear a paper jam') ?? ''}`)).body as unknown as Article).feedback, { timeout: 15_000 })
      .toEqual([expect.objectContaining({ helpful: false, comment: 'Which printer? There are three.', from: 'employee' })]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('renders hostile Markdown inert: no script, raw HTML, javascript: links or remote images', async () => {
    const page = await open('help-articles', { scheme: 'dark' });
    await page.getByTestId('article-link').filter({ hasText: 'Hostile formatting test' }).click({ timeout: 15_000 });
    const body = page.getByTestId('article-body');
    await body.waitFor();
    expect(await body.locator('script, iframe, style, img, object, embed').count()).toBe(0);
    const hrefs = await body.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['https://example.com/safe']);
    expect(await body.locator('table tr').count()).toBe(3001);
    expect(await body.textContent()).toContain('[picture: huge]');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await body.locator('a', { hasText: 'click me' }).count().then((n) => expect(n).toBe(0));
    await shot(page, 'help-articles-hostile-dark');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('works offline from the copy on this PC: browse, search with typos, read, and suggestions in Get help', async () => {
    await hub.stop();
    await expect.poll(() => tray.runtime().status().phase, { timeout: 20_000 }).not.toBe('connected');
    const page = await open('help-articles', { width: 340 });
    await page.getByTestId('articles-offline').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('article-link').count()).toBe(ARTICLES.length);
    await shot(page, 'help-articles-offline-narrow');
    await page.getByTestId('article-search').fill('pasword reset');
    await expect.poll(async () => (await page.getByTestId('article-results').getByTestId('article-link').allTextContents())[0] ?? '', { timeout: 15_000 }).toContain('Reset your password');
    await shot(page, 'help-articles-offline-search');
    await page.close();

    await tray.harness.tickets.openGetHelp();
    const help = await open('get-help');
    await help.getByLabel('What is wrong?').fill('printer jam');
    await expect.poll(async () => (await help.getByTestId('suggested-article').allTextContents())[0] ?? '', { timeout: 15_000 }).toContain('Clear a paper jam');
    expect(await help.getByTestId('help-articles').textContent()).toMatch(/saved on this computer/);
    await shot(help, 'get-help-suggestions-offline');
    await help.close();
    expect(tray.pageErrors).toEqual([]);
  });
});
