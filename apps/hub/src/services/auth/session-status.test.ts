import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import { createSession } from './session.js';
import { sessionStatus } from './session-status.js';

const HOUR = 3_600_000;

describe('sessionStatus', () => {
  let temp: Awaited<ReturnType<typeof tempStore>>;
  let time: ReturnType<typeof fakeClock>;
  let userId: string;
  const deps = () => ({ store: temp.store, clock: time.clock });
  const open = async () => (await createSession({ ...deps(), sessionHours: 12, newId: () => newId() }, userId)).sessionId;

  beforeEach(async () => {
    temp = await tempStore();
    time = fakeClock();
    userId = newId();
    await temp.store.users.create({ id: userId, username: 'alice', displayName: 'Alice', role: 'technician', passwordHash: 'x', createdAt: time.clock(), disabledAt: null });
  });
  afterEach(() => temp.cleanup());

  it('is active with its absolute expiry until that instant, then expired', async () => {
    const id = await open();
    const expiresAt = new Date(time.clock().getTime() + 12 * HOUR);
    time.advance(12 * HOUR - 1);
    expect(await sessionStatus(deps(), id)).toEqual({ state: 'active', expiresAt });
    time.advance(1);
    expect(await sessionStatus(deps(), id)).toEqual({ state: 'expired' });
  });

  it('counts a session pruned from the store as expired', async () => {
    const id = await open();
    time.advance(13 * HOUR);
    expect(await temp.store.sessions.deleteExpired(time.clock())).toBe(1);
    expect(await sessionStatus(deps(), id)).toEqual({ state: 'expired' });
  });

  it('is revoked when revoked before it expired, even once it has expired since', async () => {
    const id = await open();
    await temp.store.sessions.revoke(id, time.clock());
    expect(await sessionStatus(deps(), id)).toEqual({ state: 'revoked' });
    time.advance(12 * HOUR);
    expect(await sessionStatus(deps(), id)).toEqual({ state: 'revoked' });
  });

  it('stays expired when revoked after it expired', async () => {
    const id = await open();
    time.advance(12 * HOUR + 1);
    expect(await temp.store.sessions.revokeAllForUser(userId, time.clock())).toEqual([id]);
    expect(await sessionStatus(deps(), id)).toEqual({ state: 'expired' });
  });

  it('is revoked once its user is disabled', async () => {
    const id = await open();
    await temp.store.users.update(userId, { disabledAt: time.clock() });
    expect(await sessionStatus(deps(), id)).toEqual({ state: 'revoked' });
  });
});
