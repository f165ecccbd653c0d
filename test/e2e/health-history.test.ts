// The device page's longer health history in Chromium: days of samples are written into the hub's
// SQLite file while it is stopped and folded into hourly rollups by the store's own maintenance
// (as the hub's retention job would, only sooner); after a restart, picking "7 days" draws the
// hours from GET /devices/:id/health/hourly, averages as lines and the CPU peak as a band.
import { HealthHourlyResponseSchema, newId } from '@deskside/protocol';
import { SimulatedAgent, simulatedMetrics } from '@deskside/simulator';
import { openStore } from '@deskside/store';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Seeded hours: from 6 days ago to 2 days ago, two samples an hour (CPU 10 and 90: average 50, peak 90). */
const SEEDED_HOURS = 4 * 24;

async function seedRolledUpDays(dataDir: string, deviceId: string): Promise<number> {
  const store = await openStore({ dataDir });
  try {
    const first = Math.floor((Date.now() - 6 * DAY) / HOUR) * HOUR;
    const samples = [];
    for (let h = 0; h < SEEDED_HOURS; h++) {
      for (const [minute, cpuPercent] of [[10, 10], [40, 90]] as const) {
        samples.push({ deviceId, messageId: newId(), at: new Date(first + h * HOUR + minute * 60_000), metrics: { ...simulatedMetrics(), cpuPercent } });
      }
    }
    await store.health.insertMany(samples);
    // Everything older than two days becomes rollups now, rather than after the hub's 7-day window.
    let rolled = 0;
    for (;;) {
      const step = await store.maintenance.rollUpHealth(new Date(Date.now() - 2 * DAY), 1_000);
      rolled += step.rollups;
      if (step.done) break;
    }
    return rolled;
  } finally {
    await store.close();
  }
}

describe('device health history in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  let agent: SimulatedAgent;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    hub = await startHub();
    agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'e2e-history-machine-0001', hostname: 'e2e-history-pc' });
    await agent.enroll();
    await agent.connect();
    for (let i = 0; i < 3; i++) expect((await agent.heartbeat(simulatedMetrics())).ok).toBe(true);
    agent.close();
    await hub.stop();
    expect(await seedRolledUpDays(hub.dataDir, agent.deviceId)).toBeGreaterThanOrEqual(SEEDED_HOURS);
    await hub.restart();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('the hub answers the rolled-up hours over HTTP', async () => {
    const token = await hub.login();
    const res = await hub.get(`/api/v1/devices/${agent.deviceId}/health/hourly?from=${new Date(Date.now() - 7 * DAY).toISOString()}`, token);
    expect(res.status).toBe(200);
    const hourly = HealthHourlyResponseSchema.parse(res.body).hourly;
    // The agent's own heartbeats are in the current hour; the seeded hours end two days ago.
    const seeded = hourly.filter((h) => Date.parse(h.at) < Date.now() - DAY);
    expect(seeded).toHaveLength(SEEDED_HOURS);
    expect(seeded.every((h) => h.samples === 2 && h.cpuPercent === 50 && h.cpuPercentMax === 90)).toBe(true);
  });

  it('switches the device page chart to 7 days and draws the hours with a CPU peak band', async () => {
    await page.goto(`${hub.url}/#/devices/${encodeURIComponent(agent.deviceId)}`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    const chart = page.getByTestId('health-chart');
    await chart.waitFor({ timeout: 15_000 });
    expect(await chart.getAttribute('data-range')).not.toBe('7d');

    await page.locator('[data-testid="health-range"][data-range="7d"]').click();
    await page.locator('[data-testid="health-chart"][data-range="7d"][data-state="loaded"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="health-range"][data-range="7d"]').getAttribute('aria-pressed')).toBe('true');
    const bands = page.getByTestId('health-cpu-band');
    await bands.first().waitFor({ timeout: 5_000 });
    // One vertex per hour along the peaks and one back along the averages, per run of hours: the
    // seeded days are one run, the agent's current hour another (two days without data between).
    const vertices = await bands.evaluateAll((polygons) => polygons.map((p) => (p.getAttribute('points') ?? '').split(' ').length));
    expect(vertices[0]).toBe(2 * SEEDED_HOURS);
    expect(vertices).toHaveLength(2);
    const summary = (await page.getByTestId('health-summary').textContent()) ?? '';
    expect(summary).toMatch(/CPU peak (9\d|100) %; \d+ hours over 7 days/);
    // Days on the time axis, not hours.
    const labels = await page.locator('.chart-time-axis span').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const label of labels) expect(label).toMatch(/^\d{1,2}\/\d{1,2}$/);
    expect(await page.getByTestId('health-error').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('health-history-7d'), fullPage: true });
  });

  it('switches to 30 days and back to 24 h (the detail’s samples)', async () => {
    await page.locator('[data-testid="health-range"][data-range="30d"]').click();
    await page.locator('[data-testid="health-chart"][data-range="30d"][data-state="loaded"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('health-summary').textContent()).toMatch(/hours over 30 days/);
    await page.locator('[data-testid="health-range"][data-range="24h"]').click();
    await page.locator('[data-testid="health-chart"][data-range="24h"]').waitFor({ timeout: 5_000 });
    expect(await page.getByTestId('health-cpu-band').count()).toBe(0);
    expect(await page.getByTestId('health-summary').textContent()).toMatch(/3 samples over 24 h/);
    expect(pageErrors).toEqual([]);
  });
});
