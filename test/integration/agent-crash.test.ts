// The real headless agent is SIGKILLed while the hub is down and its outbox is filling up; it is
// restarted, the hub comes back, and every queued heartbeat arrives exactly once, in order.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startAgent, type TestAgent } from '../support/agent.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const ITEM = /^[0-9A-HJKMNP-TV-Z]{26}\.json$/;

/** Queued outbox items, oldest first: [file id, kind, payload message id]. */
function outboxItems(stateDir: string): Array<{ file: string; kind: string; messageId: string }> {
  const dir = path.join(stateDir, 'outbox');
  return readdirSync(dir)
    .filter((n) => ITEM.test(n))
    .sort()
    .flatMap((name) => {
      try {
        const record = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { kind: string; payload: { id: string } };
        return [{ file: name, kind: record.kind, messageId: record.payload.id }];
      } catch {
        return []; // removed between readdir and read: delivered
      }
    });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('agent killed with SIGKILL while the hub is down', () => {
  let hub: TestHub;
  let agent: TestAgent;

  beforeAll(async () => {
    hub = await startHub(['--heartbeat-seconds', '1']);
  });
  afterAll(async () => {
    await agent?.process.stop('SIGKILL');
    await hub?.cleanup();
  });

  it('delivers every queued heartbeat once, in order, after both come back', async () => {
    agent = startAgent(hub.url, TEST_ENROLL_TOKEN, 'agent-crash-machine-0123456789');
    const deviceId = await eventually(() => agent.deviceId());
    const token = await hub.login();
    await eventually(async () => {
      const res = await hub.get(`/api/v1/devices/${deviceId}`, token);
      if (res.status !== 200 || JSON.stringify(res.body).indexOf('"health":[]') !== -1) throw new Error('no heartbeat yet');
    });

    await hub.stop('SIGKILL');
    // Offline: heartbeats pile up in the outbox (one a second with the pushed policy).
    await eventually(() => {
      if (outboxItems(agent.stateDir).filter((i) => i.kind === 'device:heartbeat').length < 5) throw new Error('outbox still short');
    }, 30_000);
    await sleep(Math.random() * 1000); // land the kill at a random point of the agent's send/retry loop
    await agent.process.stop('SIGKILL');
    const queued = outboxItems(agent.stateDir).filter((i) => i.kind === 'device:heartbeat');
    expect(queued.length).toBeGreaterThanOrEqual(5);

    // The agent comes back first (still offline, so more queue up), then the hub.
    agent = startAgent(hub.url, 'not-needed-once-enrolled', 'agent-crash-machine-0123456789', agent.stateDir);
    await sleep(1500);
    await hub.restart();
    await eventually(() => {
      const left = new Set(outboxItems(agent.stateDir).map((i) => i.messageId));
      if (queued.some((q) => left.has(q.messageId))) throw new Error('outbox not drained yet');
    }, 60_000);

    await agent.process.stop('SIGTERM');
    await hub.stop('SIGTERM');
    const db = new Database(path.join(hub.dataDir, 'deskside.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare('select message_id as id, count(*) over (partition by message_id) as n from health_samples where device_id = ? order by at, rowid')
        .all(deviceId) as Array<{ id: string; n: number }>;
      expect(rows.filter((r) => r.n !== 1)).toEqual([]); // nothing doubled
      const stored = rows.map((r) => r.id);
      const want = queued.map((q) => q.messageId);
      expect(want.filter((id) => !stored.includes(id))).toEqual([]); // nothing lost
      // In order: the queued samples appear in the order they were queued.
      expect(stored.filter((id) => want.includes(id))).toEqual(want);
      console.log(`agent-crash: ${queued.length} heartbeats queued at the kill, ${stored.length} samples stored in total`);
    } finally {
      db.close();
    }
  });
});
