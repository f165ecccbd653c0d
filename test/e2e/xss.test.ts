// Every agent-writable field is seeded with script payloads through a simulated agent; every console
// page is opened in Chromium: no dialog, no script, no CSP violation, and hidden characters visible.
import { AgentTicketCreateSchema, AlertRaiseSchema, InventoryDocumentSchema, newId, type InventoryDocument } from '@deskside/protocol';
import { inventoryHash, SimulatedAgent, simulatedInventory } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

/** Script payloads with a canary: any execution sets window.__pwned. Control and bidi characters last. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<script>window.__pwned=2;alert(2)</script>',
  'javascript:window.__pwned=3;alert(3)',
  '"><svg onload="window.__pwned=4;alert(4)">',
  "'><iframe srcdoc=\"<script>parent.__pwned=5</script>\">",
  '\u202Egnp.exe\u0000\u0007\u001b[31m\u0085\u200B',
];
const EVIL = PAYLOADS.join(' ');

/**
 * Puts the payload into every string of `value` that its schema lets an agent write: each string
 * is replaced, then cut to what the schema allows, or restored if the schema wants a format there.
 */
function poison<T>(schema: z.ZodType<T>, value: T): T {
  const doc = JSON.parse(JSON.stringify(value)) as unknown;
  const original = JSON.parse(JSON.stringify(value)) as unknown;
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, p: Array<string | number>) => {
    if (typeof v === 'string') paths.push(p);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(doc, []);
  const get = (root: unknown, p: Array<string | number>) => p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root);
  const set = (root: unknown, p: Array<string | number>, to: unknown) => {
    const parent = get(root, p.slice(0, -1)) as Record<string | number, unknown>;
    parent[p[p.length - 1] as string | number] = to;
  };
  for (const p of paths) set(doc, p, EVIL);
  for (let round = 0; round < 500; round++) {
    const parsed = schema.safeParse(doc);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    if (!issue) break;
    const at = issue.path as Array<string | number>;
    if (issue.code === 'too_big' && typeof issue.maximum === 'number' && typeof get(doc, at) === 'string') {
      // Keep the payload's head (the markup) and its tail (the hidden characters) within the cap.
      const max = Number(issue.maximum);
      set(doc, at, max >= 40 ? EVIL.slice(0, max - 12) + PAYLOADS[5]?.slice(0, 12) : `<b>\u202E${'x'.repeat(Math.max(0, max - 5))}`.slice(0, max));
    } else {
      set(doc, at, get(original, at));
    }
  }
  return schema.parse(doc);
}

describe('hostile agent strings in every console view', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let agent: SimulatedAgent;
  const dialogs: string[] = [];
  const problems: string[] = [];
  const visited: string[] = [];

  beforeAll(async () => {
    hub = await startHub();
    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'xss-machine-0123456789', hostname: EVIL.slice(0, 200) });
    await agent.enroll();
    await agent.connect();
    const base = simulatedInventory(5, 1);
    base.probes = [{ section: 'disks', ms: 5, status: 'unknown', reason: EVIL }, ...(base.probes ?? [])];
    const document = poison(InventoryDocumentSchema, { ...base, collectedAt: new Date().toISOString() } as InventoryDocument);
    const stored = await agent.socket?.timeout(15_000).emitWithAck('inventory:full', { id: newId(), hash: inventoryHash(document), document });
    expect(stored).toMatchObject({ ok: true });
    const emit = agent.socket?.timeout(15_000).emitWithAck as unknown as ((e: string, p: unknown) => Promise<unknown>) | undefined;
    // Alerts and tickets come from the agent too; seeded when this hub handles them.
    const alert = poison(AlertRaiseSchema, {
      id: newId(), check: 'disk-free', subject: 'C:', severity: 'critical', message: 'm', value: 1, threshold: 2, observedAt: new Date().toISOString(),
    });
    console.log('xss: alert:raise answered', JSON.stringify(await emit?.call(agent.socket?.timeout(15_000), 'alert:raise', alert)).slice(0, 120));
    const ticket = poison(AgentTicketCreateSchema, {
      id: newId(), createdAt: new Date().toISOString(), subject: 's', description: 'd', category: 'printer', impact: 'high', urgency: 'high',
      requester: { name: 'n', username: 'u', email: null }, diagnostics: null, screenshot: null,
    });
    console.log('xss: ticket:create answered', JSON.stringify(await emit?.call(agent.socket?.timeout(15_000), 'ticket:create', ticket)).slice(0, 120));

    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
    });
    await page.addInitScript(() => {
      globalThis.document.addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) => {
        const w = window as unknown as { __csp?: string[] };
        (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  const assertClean = async (where: string) => {
    const state = await page.evaluate(() => {
      const w = window as unknown as { __pwned?: unknown; __csp?: string[] };
      return { pwned: w.__pwned, csp: w.__csp ?? [] };
    });
    expect(state.pwned, `script ran on ${where}`).toBeUndefined();
    expect(state.csp, `CSP violation on ${where}`).toEqual([]);
    expect(dialogs, `dialog on ${where}`).toEqual([]);
    expect(problems, `errors on ${where}`).toEqual([]);
    expect(await page.locator('img[src="x"], svg[onload], iframe, script:not([src])').count(), `injected element on ${where}`).toBe(0);
  };

  it('logs in and shows the fleet with the hostile hostname as text', async () => {
    await page.goto(hub.url);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.goto(`${hub.url}/#/devices`);
    const row = page.locator(`[data-testid="fleet-row"][data-device-id="${agent.deviceId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('<img src=x onerror=');
    expect(await row.textContent()).toContain('⟨U+202E⟩');
    await assertClean('fleet');
  });

  it('shows the device page with every field as text and hidden characters visible', async () => {
    await page.goto(`${hub.url}/#/devices/${agent.deviceId}`);
    await page.locator('[data-testid="inventory-section"]').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1000);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain('<script>window.__pwned=2');
    expect(text).toContain('javascript:window.__pwned=3');
    const markers = await page.locator('.hidden-char').allTextContents();
    for (const m of ['⟨U+202E⟩', '⟨U+0007⟩', '⟨U+0085⟩']) expect(markers).toContain(m);
    // A NUL is stored as U+FFFD on both engines (PostgreSQL cannot hold one), and shows as that.
    expect(text).toContain('\uFFFD');
    expect(markers).not.toContain('⟨U+0000⟩');
    // Nothing agent-written became a link target.
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
    await page.screenshot({ path: screenshotPath('xss-device'), fullPage: true });
    await assertClean('device page');
    visited.push('device');
  });

  it.each(['#/overview', '#/alerts', '#/tickets', '#/reports/software', '#/assets/warranty', '#/assets/not-seen'])('%s renders hostile data inertly', async (hash) => {
    await page.goto(`${hub.url}/${hash}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    await assertClean(hash);
    visited.push(hash);
  });

  it('opens every ticket the agent created, if any', async () => {
    await page.goto(`${hub.url}/#/tickets`);
    await page.waitForTimeout(1000);
    const links = await page.locator('a[href^="#/tickets/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links.filter((h) => h !== '#/tickets/new').slice(0, 3)) {
      await page.goto(`${hub.url}/${href}`);
      await page.waitForTimeout(1000);
      await assertClean(href);
      visited.push(href);
    }
    console.log(`xss: visited ${visited.join(', ')}`);
  });
});
