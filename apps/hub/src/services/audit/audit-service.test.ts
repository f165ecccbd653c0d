import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log/logger.js';
import { fakeClock, tempStore } from '../../test-support/temp.js';
import { createAuditService, type AuditService } from './audit-service.js';

describe('audit log', () => {
  let temp: Awaited<ReturnType<typeof tempStore>>;
  let time: ReturnType<typeof fakeClock>;
  let audit: AuditService;
  const alice = { id: '01JALICE000000000000000000', name: 'alice' };

  beforeEach(async () => {
    temp = await tempStore();
    time = fakeClock();
    audit = createAuditService({ store: temp.store, clock: time.clock, logger: silentLogger() });
  });
  afterEach(() => temp.cleanup());

  const fill = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      time.advance(1000);
      await audit.record(alice, 'user.update', `user:${i}`, { field: 'role', to: i % 2 === 0 ? 'admin' : 'technician' });
    }
  };

  it('chains rows and verifies an untouched log', async () => {
    expect(await audit.verify()).toEqual({ ok: true, rows: 0 });
    await fill(5);
    expect(await audit.verify()).toEqual({ ok: true, rows: 5 });
    const page = await audit.list(2);
    expect(page.map((e) => e.seq)).toEqual([5, 4]);
    expect(page[0]).toMatchObject({ actorId: alice.id, actorName: 'alice', action: 'user.update', target: 'user:4', details: { field: 'role' } });
    expect((await audit.list(10, 3)).map((e) => e.seq)).toEqual([2, 1]);
  });

  it('appends in order when many records race', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit.record(alice, 'login', `user:${i}`)));
    expect(await audit.verify()).toEqual({ ok: true, rows: 20 });
  });

  // Straight into the SQLite file, as an attacker with disk access would.
  const tamper = (sql: string): void => {
    const db = new Database(join(temp.dir, 'deskside.db'));
    try {
      db.prepare(sql).run();
    } finally {
      db.close();
    }
  };

  it.each([
    ['an edited field', "update audit_log set target = 'user:999' where seq = 3", 3],
    ['edited details', `update audit_log set details = '{"field":"role","to":"auditor"}' where seq = 2`, 2],
    ['a deleted row', 'delete from audit_log where seq = 4', 5],
    ['a re-hashed row (the next one no longer chains)', "update audit_log set hash = '" + 'f'.repeat(64) + "' where seq = 2", 2],
  ])('detects %s', async (_what, sql, brokenAt) => {
    await fill(5);
    tamper(sql);
    const verdict = await audit.verify();
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.brokenAtSeq).toBe(brokenAt);
  });

  it('bounds huge details', async () => {
    await audit.record(alice, 'export', 'inventory.csv', { blob: 'x'.repeat(100_000) });
    const [entry] = await audit.list(1);
    expect(JSON.stringify(entry?.details).length).toBeLessThan(1000);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });
});
