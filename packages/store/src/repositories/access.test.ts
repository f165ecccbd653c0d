import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDevice, aSite, aUser, at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';

let temp: TempStore;
let siteId: string;
beforeEach(async () => {
  temp = await openTempStore();
  const site = aSite();
  siteId = site.id;
  await temp.store.sites.create(site);
});
afterEach(() => temp.cleanup());

describe('users: tier, site scope and patches', () => {
  it('defaults to no tier and every site, and applies a patch field by field', async () => {
    const { users } = temp.store;
    const { tier: _t, siteIds: _s, ...legacy } = aUser({ username: 'bob', role: 'technician' });
    await users.create(legacy);
    expect(await users.findById(legacy.id)).toMatchObject({ tier: null, siteIds: [] });
    await users.update(legacy.id, { tier: 2, siteIds: [siteId], displayName: 'Bob B.' });
    expect(await users.findById(legacy.id)).toMatchObject({ tier: 2, siteIds: [siteId], displayName: 'Bob B.', role: 'technician' });
    await users.update(legacy.id, { disabledAt: at(9), tier: null });
    expect(await users.findById(legacy.id)).toMatchObject({ tier: null, disabledAt: at(9), siteIds: [siteId] });
    await users.update(legacy.id, {});
    expect((await users.list()).map((u) => u.username)).toEqual(['bob']);
  });
});

describe('sessions: by user', () => {
  it('lists newest first, finds by id, and revokes every live one of a user', async () => {
    const { users, sessions } = temp.store;
    const user = aUser();
    await users.create(user);
    const mk = (n: number, revokedAt: Date | null = null) => ({
      id: newId(T0.getTime() + n),
      tokenHash: `${n}`.padStart(64, '0'),
      userId: user.id,
      createdAt: at(n),
      expiresAt: at(n + 1000),
      revokedAt,
    });
    const [a, b, c] = [mk(1), mk(2, at(3)), mk(4)];
    for (const s of [a, b, c]) await sessions.create(s);
    expect((await sessions.listByUser(user.id)).map((s) => s.id)).toEqual([c.id, b.id, a.id]);
    expect(await sessions.findById(b.id)).toEqual(b);
    expect((await sessions.revokeAllForUser(user.id, at(10))).sort()).toEqual([a.id, c.id].sort());
    expect(await sessions.findById(b.id)).toMatchObject({ revokedAt: at(3) });
    expect(await sessions.findById(a.id)).toMatchObject({ revokedAt: at(10) });
    expect(await sessions.revokeAllForUser(user.id, at(11))).toEqual([]);
  });
});

describe('totp', () => {
  it('spends each step once and never an earlier one', async () => {
    const { users, totp } = temp.store;
    const user = aUser();
    await users.create(user);
    await totp.begin(user.id, 'enc-secret', T0);
    expect(await totp.get(user.id)).toMatchObject({ confirmedAt: null, lastStep: null, secretEnc: 'enc-secret' });
    await totp.confirm(user.id, at(1), 100);
    expect(await totp.spendStep(user.id, 100)).toBe(false);
    expect(await totp.spendStep(user.id, 99)).toBe(false);
    expect(await totp.spendStep(user.id, 101)).toBe(true);
    expect(await totp.spendStep(user.id, 101)).toBe(false);
    await totp.begin(user.id, 'another', at(2));
    expect(await totp.get(user.id)).toMatchObject({ confirmedAt: null, secretEnc: 'another' });
    await totp.remove(user.id);
    expect(await totp.get(user.id)).toBeUndefined();
  });
});

describe('device approvals', () => {
  it('keeps quarantined devices out of the fleet list and lists them as pending', async () => {
    const { devices, deviceApprovals } = temp.store;
    const original = aDevice(siteId, { machineId: 'machine-0001', hostname: 'A' });
    const clone = aDevice(siteId, { machineId: 'machine-0001', hostname: 'B', enrolledAt: at(5) });
    await devices.create(original);
    await devices.create(clone);
    await deviceApprovals.set(clone.id, 'pending-approval');
    expect((await devices.list()).map((d) => d.id)).toEqual([original.id]);
    expect((await devices.list({ includePending: true })).length).toBe(2);
    expect(await devices.findById(clone.id)).toMatchObject({ approval: 'pending-approval' });
    expect((await deviceApprovals.listPending()).map((d) => d.id)).toEqual([clone.id]);
    expect(await deviceApprovals.activeTwins('machine-0001', clone.id)).toEqual([original.id]);
    await deviceApprovals.set(clone.id, 'active');
    expect(await deviceApprovals.listPending()).toEqual([]);
  });
});

describe('audit log', () => {
  it('appends, pages newest first and scans oldest first; a forked chain is refused', async () => {
    const { audit } = temp.store;
    expect(await audit.last()).toBeUndefined();
    const row = (seq: number) => ({
      seq,
      at: at(seq),
      actorId: 'u1',
      actorName: 'admin',
      action: 'user.create',
      target: `user:${seq}`,
      details: { n: seq },
      prevHash: `${seq - 1}`.padStart(64, '0'),
      hash: `${seq}`.padStart(64, '0'),
    });
    for (const n of [1, 2, 3]) await audit.append(row(n));
    expect(await audit.last()).toEqual(row(3));
    expect((await audit.page(2)).map((r) => r.seq)).toEqual([3, 2]);
    expect((await audit.page(5, 3)).map((r) => r.seq)).toEqual([2, 1]);
    expect((await audit.scan(1, 10)).map((r) => r.seq)).toEqual([2, 3]);
    await expect(audit.append({ ...row(4), prevHash: row(3).prevHash })).rejects.toThrow();
  });
});
