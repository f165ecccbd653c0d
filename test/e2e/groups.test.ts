// Device groups in Chromium: create a department group on #/groups, see its devices on the group
// page, then export CSV from the fleet page with that group picked: the file holds only its devices.
import { readFile } from 'node:fs/promises';
import { SimulatedAgent, simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('device groups in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  let page: Page;
  const agents: SimulatedAgent[] = [];
  const pageErrors: string[] = [];
  let groupId = '';

  const enrol = async (machine: string, hostname: string, department: string, token: string) => {
    const agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: machine, hostname });
    agents.push(agent);
    await agent.enroll();
    await agent.connect();
    const inventory = simulatedInventory(7, 1);
    if (inventory.os) inventory.os.hostname = hostname;
    await agent.sendInventory(inventory);
    expect((await agent.heartbeat(simulatedMetrics())).ok).toBe(true);
    const res = await fetch(`${hub.url}/api/v1/devices/${agent.deviceId}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ department }),
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    hub = await startHub();
    const token = await hub.login();
    await enrol('e2e-group-machine-sales-1', 'sales-pc-1', 'Sales', token);
    await enrol('e2e-group-machine-sales-2', 'sales-pc-2', 'Sales', token);
    await enrol('e2e-group-machine-ops-001', 'ops-pc-1', 'Operations', token);
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true });
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    for (const agent of agents) agent.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('creates a department group, refusing one without its department first', async () => {
    await page.goto(`${hub.url}/#/groups`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('group-create').click();
    await page.getByTestId('group-name').fill('Sales team');
    await page.getByTestId('group-kind').selectOption('department');
    await page.getByTestId('group-save').click();
    await page.getByText('A department group names its department.').waitFor({ timeout: 5_000 });
    await page.getByTestId('group-department').fill('sales');
    await page.getByTestId('group-save').click();
    const row = page.getByTestId('group-row').filter({ hasText: 'Sales team' });
    await row.waitFor({ timeout: 10_000 });
    groupId = (await row.getAttribute('data-group-id')) ?? '';
    expect(groupId).not.toBe('');
    await expect.poll(() => row.getByTestId('group-count').textContent(), { timeout: 10_000 }).toBe('2');
    await page.screenshot({ path: screenshotPath('groups-list'), fullPage: true });
  });

  it('lists the group devices with links to their pages', async () => {
    await page.getByTestId('group-row').filter({ hasText: 'Sales team' }).getByRole('link', { name: 'Sales team' }).click();
    await page.getByTestId('group-devices').waitFor({ timeout: 10_000 });
    const names = (await page.getByTestId('group-device').allTextContents()).join(' ');
    expect(names).toContain('sales-pc-1');
    expect(names).toContain('sales-pc-2');
    expect(names).not.toContain('ops-pc-1');
    expect(await page.getByTestId('group-policy-state').textContent()).toMatch(/follows the global policy/);
    await page.getByTestId('group-policy-cpuPercentMax').fill('0');
    await page.getByTestId('group-policy-save').click();
    await page.getByText('CPU, maximum (%) must be between 1 and 100.').waitFor({ timeout: 5_000 });
    await page.getByTestId('group-policy-cpuPercentMax').fill('80');
    await page.getByTestId('group-policy-save').click();
    await page.getByTestId('group-policy-message').filter({ hasText: 'Saved' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('group-policy-state').textContent()).toMatch(/overrides/);
    await page.getByTestId('group-policy-global').click();
    await page.getByTestId('group-policy-message').filter({ hasText: 'global policy' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('group-detail'), fullPage: true });
  });

  it('exports CSV of the group only, from the fleet page', async () => {
    await page.goto(`${hub.url}/#/devices`);
    await page.getByTestId('export-toggle').click();
    await page.getByTestId('export-group').selectOption(groupId);
    await page.getByTestId('export-format').selectOption('csv');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('export-start').click()]);
    const text = (await readFile(await download.path())).toString('utf8');
    expect(text).toContain('sales-pc-1');
    expect(text).toContain('sales-pc-2');
    expect(text).not.toContain('ops-pc-1');
    expect(text).not.toContain('Operations');
  });

  it('filters the fleet table by group on the hub', async () => {
    await page.getByTestId('fleet-group-filter').selectOption(groupId);
    // While the hub's answer is on its way no row shows: wait for the group's rows, then check the rest is gone.
    const table = page.locator('table').first();
    await table.getByText('sales-pc-1').waitFor({ timeout: 10_000 });
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('sales-pc-2');
    expect(text).not.toContain('ops-pc-1');
    expect(pageErrors).toEqual([]);
  });

  it('shows an auditor the groups without any write button', async () => {
    const token = await hub.login();
    const created = await fetch(`${hub.url}/api/v1/users`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'audrey', displayName: 'Audrey Auditor', password: 'auditor-password-123456', role: 'auditor' }),
    });
    expect(created.status).toBe(201);
    const context = await browser.newContext();
    const auditor = await context.newPage();
    await auditor.goto(`${hub.url}/#/groups`);
    await auditor.getByTestId('login-username').fill('audrey');
    await auditor.getByTestId('login-password').fill('auditor-password-123456');
    await auditor.getByTestId('login-submit').click();
    await auditor.getByTestId('group-row').filter({ hasText: 'Sales team' }).waitFor({ timeout: 10_000 });
    expect(await auditor.getByTestId('group-create').count()).toBe(0);
    expect(await auditor.getByTestId('group-delete').count()).toBe(0);
    await auditor.goto(`${hub.url}/#/groups/${groupId}`);
    await auditor.getByTestId('group-policy-state').waitFor({ timeout: 10_000 });
    expect(await auditor.getByTestId('group-policy-save').count()).toBe(0);
    await context.close();
  });
});
