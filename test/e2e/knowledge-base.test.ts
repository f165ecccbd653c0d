// The knowledge base end to end: a technician turns a resolved tray ticket into an article in the
// console (Chromium); an employee's agent finds it by the subject typed in Get help and ends the
// request with "This solved it" (kb:search, kb:deflect); the deflection shows in the report. Hostile
// Markdown renders inert on the article page and in the editor's preview.
import { newId, type Article } from '@deskside/protocol';
import { SimulatedAgent } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { openConsole, signIn } from '../support/console-page.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const HOSTILE = [
  '# Hostile <script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '[click me](javascript:window.__pwned=3) [data](data:text/html,<script>parent.__pwned=4</script>) [ok](https://example.com/safe)',
  '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe><a href="javascript:alert(1)">raw link</a>',
  '![remote](https://evil.example.com/track.png) ![js](javascript:alert(6))',
  '| a | b |\n| - | - |\n' + Array.from({ length: 3000 }, (_, i) => `| <b>${i}</b> | [x](javascript:alert(${i})) |`).join('\n'),
].join('\n\n');

describe('knowledge base in the console and through the agent', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let token: string;
  let agent: SimulatedAgent;
  const dialogs: string[] = [];
  const api = async (p: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${hub.url}${p}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { 'content-type': 'application/json', origin: hub.url } : {}) },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const emit = (event: string, payload: unknown) => (agent.socket?.timeout(15_000).emitWithAck as unknown as (e: string, p: unknown) => Promise<{ ok: boolean; data?: unknown }>).call(agent.socket?.timeout(15_000), event, payload);

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'kb-e2e-machine-0001', hostname: 'PC-KB-E2E' });
    await agent.enroll();
    await agent.connect();
    browser = await launchChromium();
    ({ page, errors } = await openConsole(browser, hub.url));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page);
  });
  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('a technician writes an article from a resolved ticket; an employee typing the subject finds it and it solves the request; the report counts it', async () => {
    const ticketId = newId();
    const sent = await emit('ticket:create', {
      id: ticketId, createdAt: new Date().toISOString(), subject: 'Outlook crashes when it starts', description: 'Outlook closes right after the splash screen since this morning.',
      category: 'email', impact: 'medium', urgency: 'high', requester: { name: 'Ana Silva', username: 'ana', email: null }, diagnostics: null, screenshot: null,
    });
    expect(sent.ok).toBe(true);
    expect((await api(`/api/v1/tickets/${ticketId}/resolve`, { method: 'POST', body: { note: 'Started Outlook in safe mode (hold Ctrl), then disabled the PDF add-in under File > Options > Add-ins.' } })).status).toBe(200);

    await page.goto(`${hub.url}/#/tickets/${ticketId}`);
    await page.getByTestId('ticket-kb-create').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('kb-ticket-panel'), fullPage: false });
    await page.getByTestId('ticket-kb-create').click();
    await page.getByTestId('kb-body').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('kb-title').inputValue()).toBe('Outlook crashes when it starts');
    expect(await page.getByTestId('kb-body').inputValue()).toContain('disabled the PDF add-in');
    await page.getByTestId('kb-tags').fill('outlook crash email');
    await page.getByTestId('kb-status').selectOption('published');
    await page.getByTestId('kb-preview').getByText('disabled the PDF add-in', { exact: false }).waitFor();
    await page.screenshot({ path: screenshotPath('kb-editor-from-ticket'), fullPage: false });
    await page.getByTestId('kb-save').click();
    await page.getByTestId('article-title').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('article-title').textContent()).toBe('Outlook crashes when it starts');
    await page.screenshot({ path: screenshotPath('kb-article'), fullPage: false });
    const articleId = decodeURIComponent(page.url().split('#/kb/')[1] ?? '');

    // The employee types the subject in Get help: the tray asks the hub, shows the three best, "This solved it".
    const found = (await emit('kb:search', { q: 'outlook crashs', limit: 3, log: true })) as { ok: boolean; data: { articles: Array<{ id: string; title: string }> } };
    expect(found.data.articles[0]).toMatchObject({ id: articleId, title: 'Outlook crashes when it starts' });
    const deflection = { id: newId(), articleId, subject: 'outlook crashs', at: new Date().toISOString() };
    expect(await emit('kb:deflect', deflection)).toEqual({ ok: true, data: { articleId } });
    expect(await emit('kb:deflect', deflection)).toEqual({ ok: true, data: { articleId } });
    await emit('kb:search', { q: 'fax machine toner', limit: 3, log: true });

    await page.goto(`${hub.url}/#/reports/kb`);
    await page.getByTestId('kb-deflections').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('kb-deflections').textContent()).toMatch(/^1\s*requests solved/);
    expect(await page.getByTestId('kb-top').textContent()).toContain('Outlook crashes when it starts');
    expect(await page.getByTestId('kb-gaps').textContent()).toContain('fax machine toner');
    await page.screenshot({ path: screenshotPath('kb-report'), fullPage: true });

    await page.goto(`${hub.url}/#/kb`);
    await page.getByTestId('kb-search').fill('outlok');
    await page.getByTestId('kb-row-link').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('kb-row-link').first().textContent()).toBe('Outlook crashes when it starts');
    await page.screenshot({ path: screenshotPath('kb-list-search'), fullPage: false });
    expect(errors).toEqual([]);
  });

  it('renders hostile Markdown inert on the article page and in the live preview, and refuses a 1 MB body', async () => {
    expect((await api('/api/v1/kb/articles', { method: 'POST', body: { title: 'Huge', body: 'x'.repeat(1_000_000), audience: 'employees', status: 'published' } })).status).toBeOneOf([400, 413]);
    const created = await api('/api/v1/kb/articles', { method: 'POST', body: { title: 'Hostile <img src=x onerror=alert(7)>', body: HOSTILE, audience: 'employees', status: 'published' } });
    expect(created.status).toBe(201);
    const article = created.body as unknown as Article;
    for (const where of [`#/kb/${article.id}`, `#/kb/${article.id}/edit`]) {
      await page.goto(`${hub.url}/${where}`);
      await page.getByTestId('article-body').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      const state = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
      expect(state, where).toBeUndefined();
      const body = page.getByTestId('article-body').first();
      expect(await body.locator('script, iframe, img, [onerror], [onload]').count(), where).toBe(0);
      const hrefs = await body.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs, where).toEqual(['https://example.com/safe']);
      expect(await body.locator('table tr').count(), where).toBeGreaterThan(1000);
      await page.screenshot({ path: screenshotPath(`kb-hostile-${where.endsWith('edit') ? 'preview' : 'article'}`), fullPage: false });
    }
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
