// Reinstall recognition in Chromium: a PC re-enrolled with a new machine id (same serial, model and
// physical MAC) shows the older record as a merge candidate; merging it moves the history here and
// revokes the old record, which the API and the old agent's refused reconnect confirm.
import { DeviceDetailSchema, type InventoryDocument } from '@deskside/protocol';
import { SimulatedAgent } from '@deskside/simulator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser.js';
import { startHub, TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const GB = 2 ** 30;

/** A usable serial and model and one physical NIC: what the hub's reinstall match keys on. */
function inventory(hostname: string, memoryGb: number): InventoryDocument {
  return {
    schemaVersion: 1,
    collectedAt: new Date().toISOString(),
    agentVersion: '0.1.0',
    probes: [],
    system: { manufacturer: 'Dell Inc.', model: 'Latitude 5440', version: null, serial: '7QX2MR3', uuid: null, sku: null, virtual: false },
    os: { platform: 'win32', distro: 'Windows 11 Pro', release: '10.0.22631', build: '22631', codename: null, kernel: null, arch: 'x64', hostname, fqdn: null, timezone: null, lastBootAt: null },
    memory: { totalBytes: memoryGb * GB, modules: [] },
    network: {
      adapters: [{ name: 'Ethernet', mac: 'a4:bb:6d:12:34:56', ipv4: ['10.0.0.7'], ipv6: [], type: 'wired', speedMbps: 1000, dhcp: true, isDefault: true }],
      defaultGateway: '10.0.0.1',
      dnsServers: ['10.0.0.1'],
    },
  };
}

describe('device merge in Chromium', () => {
  let hub: TestHub;
  let token: string;
  let browser: Browser;
  let page: Page;
  const agents: SimulatedAgent[] = [];
  const pageErrors: string[] = [];
  let old: SimulatedAgent;
  let reinstalled: SimulatedAgent;

  const agent = async (machineId: string, hostname: string) => {
    const a = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId, hostname });
    agents.push(a);
    await a.enroll();
    await a.connect();
    return a;
  };
  const detail = async (id: string) => DeviceDetailSchema.parse((await hub.get(`/api/v1/devices/${id}`, token)).body);

  beforeAll(async () => {
    hub = await startHub();
    token = await hub.login();
    old = await agent('e2e-merge-machine-old-0001', 'PC-MERGE-OLD');
    // Two documents give the old record a change (memory) to move.
    expect(await old.sendInventory(inventory('PC-MERGE-OLD', 16))).toBe('sent');
    expect(await old.sendInventory(inventory('PC-MERGE-OLD', 32))).toBe('sent');
    reinstalled = await agent('e2e-merge-machine-new-0002', 'PC-MERGE-NEW');
    expect(await reinstalled.sendInventory(inventory('PC-MERGE-NEW', 32))).toBe('sent');
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    for (const a of agents) a.close();
    await browser?.close();
    await hub?.cleanup();
  });

  it('the API links the new record to the old one before anyone merges', async () => {
    expect((await detail(reinstalled.deviceId)).sameAssetCandidate).toMatchObject({ deviceId: old.deviceId, matchedOn: ['serial', 'model', 'mac'] });
    expect((await detail(old.deviceId)).changes?.some((c) => c.summary === 'Memory 16 GB → 32 GB')).toBe(true);
  });

  it('names the candidate to a technician without offering the merge (it revokes a record: admins only)', async () => {
    const created = await fetch(`${hub.url}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ username: 'tech-merge', displayName: 'Tech Merge', password: TEST_ADMIN_PASSWORD, role: 'technician', tier: 3 }),
    });
    expect(created.status).toBe(201);
    const techPage = await browser.newPage();
    await techPage.goto(`${hub.url}/#/devices/${encodeURIComponent(reinstalled.deviceId)}`);
    await techPage.getByTestId('login-username').fill('tech-merge');
    await techPage.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await techPage.getByTestId('login-submit').click();
    const notice = techPage.getByTestId('same-asset-candidate');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain('An administrator can merge');
    expect(await techPage.getByTestId('merge-candidate').count()).toBe(0);
    await notice.scrollIntoViewIfNeeded();
    await techPage.screenshot({ path: screenshotPath('device-merge-technician') });
    // An admin page typed in (the menu hides it): a clear refusal, not a page of 403 errors.
    await techPage.goto(`${hub.url}/#/admin/users`);
    const forbidden = techPage.getByTestId('forbidden-page');
    await forbidden.waitFor({ timeout: 10_000 });
    expect(await forbidden.textContent()).toContain('You do not have access to this page');
    await techPage.screenshot({ path: screenshotPath('forbidden-technician') });
    await techPage.close();
  });

  it('merges the old record from the newer device page after a confirmation', async () => {
    await page.goto(`${hub.url}/#/devices/${encodeURIComponent(reinstalled.deviceId)}`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    const notice = page.getByTestId('same-asset-candidate');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toContain('PC-MERGE-OLD');
    await page.getByTestId('merge-candidate').click();
    await page.getByTestId('merge-confirmation').waitFor({ timeout: 5_000 });
    await page.getByTestId('merge-confirm').click();
    const done = page.getByTestId('merge-done');
    await done.waitFor({ timeout: 15_000 });
    expect(await done.textContent()).toMatch(/Merged PC-MERGE-OLD into this device: moved 1 change,.*The old record is revoked\./);
    await page.screenshot({ path: screenshotPath('device-merge'), fullPage: true });
    expect(await page.getByTestId('merge-error').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('the old record is merged and revoked, and its history moved', async () => {
    const merged = await detail(reinstalled.deviceId);
    expect(merged.sameAssetCandidate).toBeNull();
    expect(merged.changes?.[0]).toMatchObject({ section: 'device', kind: 'merged' });
    expect(merged.changes?.some((c) => c.summary === 'Memory 16 GB → 32 GB')).toBe(true);
    const gone = await detail(old.deviceId);
    expect(gone.mergedIntoId).toBe(reinstalled.deviceId);
    expect(gone.changes ?? []).toEqual([]);
    // Revoked: the old agent's key no longer opens a session.
    old.close();
    await expect(old.connect()).rejects.toThrow(/revoked/i);
  });
});
