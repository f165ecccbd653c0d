import { newId, type InventoryDocument } from '@deskside/protocol';
import type { Store } from '@deskside/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import type { AuthenticatedUser } from '../auth/session.js';
import { createSearch } from './create-search.js';
import { createDeviceIndex, devicesContaining } from './device-index.js';
import { matchScore, ticketNumberOf } from './score.js';

let temp: Awaited<ReturnType<typeof tempStore>>;
let store: Store;
const siteA = newId();
const siteB = newId();
const admin: AuthenticatedUser = { userId: newId(), role: 'admin', sessionId: 's', tier: null, siteIds: [] };
const techB: AuthenticatedUser = { userId: newId(), role: 'technician', sessionId: 's', tier: 1, siteIds: [siteB] };

async function addDevice(siteId: string, hostname: string, doc: Record<string, unknown>, ip: string | null = null) {
  const id = newId();
  const clock = fakeClock();
  await store.devices.create({ id, siteId, machineId: hostname, hostname, keyHash: 'a'.repeat(64), enrolledAt: clock.clock() });
  if (ip) await store.devices.updateSummary(id, hostname, { ip });
  await store.inventory.put({ deviceId: id, hash: 'h'.repeat(64), document: doc as unknown as InventoryDocument, updatedAt: clock.clock() });
  return id;
}

const pc = (serial: string, mac: string, user: string, software: string[]) => ({
  system: { manufacturer: 'Lenovo', model: 'ThinkPad T14 Gen 4', serial },
  network: { adapters: [{ name: 'eth0', mac, ipv4: ['10.1.2.3'], ipv6: [], type: 'wired', speedMbps: 1000, dhcp: true, isDefault: true }] },
  users: { loggedIn: [{ name: user, session: 'console', since: null }], local: [] },
  software: software.map((name) => ({ name, version: '1.0', publisher: 'X', installedAt: null })),
});

beforeEach(async () => {
  temp = await tempStore();
  store = temp.store;
  const now = fakeClock().clock();
  await store.sites.create({ id: siteA, name: 'Paris', createdAt: now });
  await store.sites.create({ id: siteB, name: 'Lyon', createdAt: now });
});
afterEach(() => temp.cleanup());

describe('global search', () => {
  it('finds devices by hostname, serial, MAC (any separator) and logged-in user, best match first', async () => {
    const a = await addDevice(siteA, 'PAR-LT-014', pc('PF3ABCD1', '00:1A:2B:3C:4D:5E', 'jdupont', ['Google Chrome']));
    await addDevice(siteA, 'PAR-LT-0140', pc('PF3ZZZZ9', '00:1A:2B:3C:4D:99', 'mmartin', ['Mozilla Firefox']));
    const search = createSearch(store, silentLogger(), () => 0);
    const byHost = await search.search(admin, { q: 'par-lt-014', limit: 10 });
    expect(byHost[0]).toMatchObject({ kind: 'device', id: a, title: 'PAR-LT-014', score: 100 });
    expect(byHost.filter((r) => r.kind === 'device')).toHaveLength(2);
    expect((await search.search(admin, { q: 'PF3ABCD1', limit: 10 }))[0]).toMatchObject({ id: a, matched: 'serial' });
    expect((await search.search(admin, { q: '00-1a-2b-3c-4d-5e', limit: 10 }))[0]).toMatchObject({ id: a, matched: 'MAC' });
    expect((await search.search(admin, { q: 'jdupont', limit: 10 }))[0]).toMatchObject({ id: a, matched: 'user' });
    const sw = await search.search(admin, { q: 'chrome', limit: 10 });
    expect(sw).toContainEqual(expect.objectContaining({ kind: 'software', title: 'Google Chrome', subtitle: 'installed on 1 device' }));
  });

  it('keeps a technician to their sites, and asks no provider the role may not use', async () => {
    await addDevice(siteA, 'PAR-PC-1', pc('S1', '00:00:00:00:00:01', 'alice', ['Slack']));
    const b = await addDevice(siteB, 'LYO-PC-1', pc('S2', '00:00:00:00:00:02', 'bob', ['Slack']));
    await store.users.create({ id: newId(), username: 'slacker', displayName: 'Slack Admin', role: 'technician', tier: 1, siteIds: [], passwordHash: 'x', createdAt: new Date(), disabledAt: null });
    const search = createSearch(store, silentLogger(), () => 0);
    const results = await search.search(techB, { q: 'pc-1', limit: 10 });
    expect(results.map((r) => r.id)).toEqual([b]);
    const slack = await search.search(techB, { q: 'slack', limit: 10 });
    expect(slack.find((r) => r.kind === 'software')?.subtitle).toBe('installed on 1 device');
    expect(slack.some((r) => r.kind === 'user')).toBe(false);
    expect((await search.search(admin, { q: 'slack', limit: 10 })).some((r) => r.kind === 'user')).toBe(true);
  });
});

describe('scoring', () => {
  it('ranks exact over prefix over word over anywhere', () => {
    expect([matchScore('abc', 'abc'), matchScore('abcd', 'abc'), matchScore('x-abc', 'abc'), matchScore('xabc', 'abc'), matchScore('x', 'abc')]).toEqual([100, 80, 60, 40, 0]);
    expect([ticketNumberOf('#42'), ticketNumberOf('T-42'), ticketNumberOf('42'), ticketNumberOf('4x')]).toEqual([42, 42, 42, null]);
  });
});

describe('devicesContaining (the fleet list q on a large fleet)', () => {
  it('matches the same fields as the stored-inventory scan, case-insensitively, software once per name', async () => {
    const a = await addDevice(siteA, 'PAR-LT-014', pc('PF3ABCD1', '00:1A:2B:3C:4D:5E', 'jdupont', ['Google Chrome']), '10.9.8.7');
    const b = await addDevice(siteB, 'LYO-PC-1', pc('S2', '00:00:00:00:00:02', 'bob', ['Mozilla Firefox']));
    const snapshot = await createDeviceIndex(store, () => 0).snapshot();
    expect(devicesContaining(snapshot, 'CHROME')).toEqual(new Set([a]));
    expect(devicesContaining(snapshot, 'thinkpad')).toEqual(new Set([a, b]));
    expect(devicesContaining(snapshot, 'pf3abcd')).toEqual(new Set([a]));
    expect(devicesContaining(snapshot, 'BOB')).toEqual(new Set([b]));
    expect(devicesContaining(snapshot, '10.9.8')).toEqual(new Set([a]));
    expect(devicesContaining(snapshot, 'nothing-like-this')).toEqual(new Set());
  });
});
