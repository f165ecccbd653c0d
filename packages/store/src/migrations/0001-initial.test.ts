import { newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aSite, aUser, at, T0 } from '../test-support/records.js';
import { planOf as planIn } from '../test-support/query-plan.js';
import { openTempStore, TEST_STORE_ENGINE, type TempStore } from '../test-support/temp-store.js';

let temp: TempStore;
beforeEach(async () => {
  temp = await openTempStore();
});
afterEach(() => temp.cleanup());

const planOf = (query: string): string => planIn(temp.dir, query);

describe('0001-initial', () => {
  // SQLite's EXPLAIN QUERY PLAN; PostgreSQL's planner picks by statistics, not by these rules.
  it.skipIf(TEST_STORE_ENGINE === 'postgres').each([
    ["select * from users where lower(username) = lower('x')", 'users_username_lower_unique'],
    ["select * from devices where machine_id = 'x'", 'devices_machine_id'],
    ["select * from health_samples where device_id = 'a' and at >= 1 order by at desc", 'health_samples_device_at'],
    ['delete from health_samples where at < 5', 'health_samples_at'],
    ['delete from processed_messages where processed_at < 5', 'processed_messages_processed_at'],
    ["select * from processed_messages where device_id = 'a' and message_id = 'b'", 'sqlite_autoindex_processed_messages'],
    ['delete from sessions where expires_at < 5', 'sessions_expires_at'],
  ])('%s uses %s', (query, index) => {
    expect(planOf(query)).toContain(index);
  });

  it('makes session and enrolment token hashes unique', async () => {
    const user = aUser();
    const site = aSite();
    await temp.store.users.create(user);
    await temp.store.sites.create(site);
    const session = { id: newId(), tokenHash: 'h', userId: user.id, createdAt: T0, expiresAt: at(1), revokedAt: null };
    await temp.store.sessions.create(session);
    await expect(temp.store.sessions.create({ ...session, id: newId() })).rejects.toThrow(/unique/i);

    const token = {
      id: newId(),
      tokenHash: 'h',
      siteId: site.id,
      label: '',
      createdAt: T0,
      expiresAt: null,
      maxUses: null,
      uses: 0,
      revokedAt: null,
    };
    await temp.store.enrollTokens.create(token);
    await expect(temp.store.enrollTokens.create({ ...token, id: newId() })).rejects.toThrow(/unique/i);
  });
});
