import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aSite, aUser, at, T0 } from '../test-support/records.js';
import { openTempStore, type TempStore } from '../test-support/temp-store.js';
import type { SessionRecord } from '../types.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

describe('sites', () => {
  it('round-trips and lists by name', async () => {
    const { sites } = temp.store;
    const branch = aSite({ name: 'Branch', createdAt: at(1) });
    const main = aSite({ name: 'Main office' });
    await sites.create(main);
    await sites.create(branch);
    expect(await sites.list()).toEqual([branch, main]);
    expect(await sites.findById(main.id)).toEqual(main);
    expect(await sites.findById(newId())).toBeUndefined();
  });
});

describe('users', () => {
  it('round-trips, counts, and finds by username whatever the case', async () => {
    const { users } = temp.store;
    expect(await users.count()).toBe(0);
    const user = aUser({ username: 'Alice', role: 'technician', disabledAt: at(5) });
    await users.create(user);
    expect(await users.count()).toBe(1);
    expect(await users.findById(user.id)).toEqual(user);
    expect(await users.findByUsername('alice')).toEqual(user);
    expect(await users.findByUsername('ALICE')).toEqual(user);
    expect(await users.findByUsername('alic')).toBeUndefined();
    expect(await users.findByUsername('alic%')).toBeUndefined();
  });

  it('refuses a second account whose name differs only in case', async () => {
    await temp.store.users.create(aUser({ username: 'admin' }));
    await expect(temp.store.users.create(aUser({ username: 'ADMIN' }))).rejects.toThrow(/unique/i);
  });

  it('changes a password hash', async () => {
    const user = aUser();
    await temp.store.users.create(user);
    await temp.store.users.setPasswordHash(user.id, 'scrypt$new');
    expect((await temp.store.users.findById(user.id))?.passwordHash).toBe('scrypt$new');
  });
});

describe('sessions', () => {
  function aSession(userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
    return {
      id: newId(),
      tokenHash: newId(),
      userId,
      createdAt: T0,
      expiresAt: at(60_000),
      revokedAt: null,
      ...overrides,
    };
  }

  it('round-trips by token hash and keeps the first revocation time', async () => {
    const user = aUser();
    await temp.store.users.create(user);
    const session = aSession(user.id);
    await temp.store.sessions.create(session);
    expect(await temp.store.sessions.findByTokenHash(session.tokenHash)).toEqual(session);
    expect(await temp.store.sessions.findByTokenHash('unknown')).toBeUndefined();

    await temp.store.sessions.revoke(session.id, at(10));
    await temp.store.sessions.revoke(session.id, at(20));
    expect((await temp.store.sessions.findByTokenHash(session.tokenHash))?.revokedAt).toEqual(at(10));
  });

  it('refuses a session for an unknown user (foreign key)', async () => {
    await expect(temp.store.sessions.create(aSession(newId()))).rejects.toThrow(/foreign key/i);
  });

  it('deletes only sessions that expired before now', async () => {
    const user = aUser();
    await temp.store.users.create(user);
    const expired = aSession(user.id, { expiresAt: at(-1) });
    const expiringNow = aSession(user.id, { expiresAt: at(0) });
    const live = aSession(user.id, { expiresAt: at(1) });
    for (const s of [expired, expiringNow, live]) await temp.store.sessions.create(s);

    expect(await temp.store.sessions.deleteExpired(T0)).toBe(1);
    expect(await temp.store.sessions.findByTokenHash(expired.tokenHash)).toBeUndefined();
    expect(await temp.store.sessions.findByTokenHash(expiringNow.tokenHash)).toBeDefined();
    expect(await temp.store.sessions.findByTokenHash(live.tokenHash)).toBeDefined();
    expect(await temp.store.sessions.deleteExpired(T0)).toBe(0);
  });
});

describe('settings', () => {
  it('sets, overwrites and reads values', async () => {
    const { settings } = temp.store;
    expect(await settings.get('hub.secret')).toBeUndefined();
    await settings.set('hub.secret', 'one');
    await settings.set('hub.secret', 'two');
    await settings.set('other', '');
    expect(await settings.get('hub.secret')).toBe('two');
    expect(await settings.get('other')).toBe('');
  });
});
