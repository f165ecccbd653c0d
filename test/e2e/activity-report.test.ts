// The activity report in Chromium: tickets made and handled through the HTTP API on a real hub,
// the page (viewer zone Europe/Paris, "this month") shows the KPI numbers the API computed from
// the history; the CSV downloads; screenshots on screen and in print media, and an A4 PDF.
import { writeFileSync } from 'node:fs';
import { ActivityReportSchema, type Ticket } from '@deskside/protocol';
import { SimulatedAgent, simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const HOST = 'e2e-report-pc';
const TZ = 'Europe/Paris';

describe('activity report in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let agent: SimulatedAgent;
  let token = '';
  const pageErrors: string[] = [];

  const post = async (p: string, body: unknown): Promise<Ticket> => {
    const res = await fetch(`${hub.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Ticket;
  };

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'e2e-report-machine-0001', hostname: HOST });
    await agent.enroll();
    await agent.connect();
    const inventory = simulatedInventory(7, 1);
    if (inventory.os) inventory.os.hostname = HOST;
    await agent.sendInventory(inventory);
    expect((await agent.heartbeat(simulatedMetrics())).ok).toBe(true);
    const raised = await agent.raiseAlert({ check: 'disk-free', subject: 'C:', severity: 'warning', message: 'Disk C: has 8 % free', value: 8, threshold: 10 });
    expect(raised.ok).toBe(true);

    const ticket = (subject: string, urgency: 'high' | 'medium' | 'low', category: string) =>
      post('/api/v1/tickets', { subject, description: 'Called the desk.', impact: 'medium', urgency, category, deviceId: agent.deviceId, requester: { name: 'Ana Silva' } });
    const a = await ticket('Printer jams on every page', 'high', 'printer');
    const b = await ticket('Toner low', 'medium', 'printer');
    await ticket('VPN drops at noon', 'low', 'network');
    await post(`/api/v1/tickets/${a.id}/reply`, { body: 'On my way.' });
    await post(`/api/v1/tickets/${a.id}/resolve`, { note: 'Cleared the jam.' });
    await post(`/api/v1/tickets/${b.id}/resolve`, { note: 'Replaced the toner.' });

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: TZ, acceptDownloads: true });
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('the API computes the period from the history', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
    const res = await hub.get(`/api/v1/reports/activity?from=${today}&to=${today}&tz=${encodeURIComponent(TZ)}`, token);
    expect(res.status).toBe(200);
    const report = ActivityReportSchema.parse(res.body);
    expect(report.summary).toMatchObject({ opened: 3, resolved: 2, backlogAtEnd: 1 });
    expect(report.summary.sla.firstResponse).toEqual({ met: 2, breached: 0, percent: 100 });
    expect(report.recurring.devices).toEqual([expect.objectContaining({ hostname: HOST, tickets: 3, categories: ['network', 'printer'] })]);
    expect(report.recurring.checks).toEqual([{ check: 'disk-free', devices: 1, occurrences: 1 }]);
  });

  it('shows the KPIs on #/reports/activity', async () => {
    await page.goto(`${hub.url}/#/reports/activity`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('kpi-opened').waitFor({ timeout: 15_000 });
    expect(page.url()).toMatch(/#\/reports\/activity$/);
    expect(await page.getByTestId('nav-activity').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('report-period').textContent()).toContain(`(${TZ})`);
    expect(await page.getByTestId('kpi-opened-value').textContent()).toBe('3');
    expect(await page.getByTestId('kpi-resolved-value').textContent()).toBe('2');
    expect(await page.getByTestId('kpi-backlog-value').textContent()).toBe('1');
    expect(await page.getByTestId('kpi-sla-first-response-value').textContent()).toBe('100%');
    expect(await page.getByTestId('kpi-first-response-value').textContent()).toMatch(/^(< 1|\d+) min$/);
    expect(await page.getByTestId('recurring-devices').textContent()).toContain(HOST);
    expect(await page.getByTestId('recurring-checks').textContent()).toContain('disk-free');
    expect(await page.getByTestId('chart-category').locator('rect').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId('backlog-chart').locator('path').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('activity-report'), fullPage: true });
  });

  it('switches presets: last month has nothing opened', async () => {
    await page.getByTestId('preset-last-month').click();
    await expect.poll(async () => page.getByTestId('kpi-opened-value').textContent(), { timeout: 10_000 }).toBe('0');
    await page.getByTestId('preset-this-week').click();
    await expect.poll(async () => page.getByTestId('kpi-opened-value').textContent(), { timeout: 10_000 }).toBe('3');
  });

  it('downloads the CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^deskside-activity-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = await download.path();
    expect(file).toBeTruthy();
  });

  it('prints: no navigation, A4 PDF', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.top-bar').isVisible()).toBe(false);
    expect(await page.getByTestId('print-report').isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('activity-report-print'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(screenshotPath('activity-report').replace(/\.png$/, '.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
    expect(pageErrors).toEqual([]);
  });
});
