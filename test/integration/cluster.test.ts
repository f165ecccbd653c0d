// Several hubs on one PostgreSQL (`npm run cluster`): 3 hubs behind the script's TCP balancer. A
// console on hub A sees an alert an agent raised through hub C; a hub killed with SIGKILL in the
// middle of a burst loses no acknowledged write and its agents finish on the others; when the
// hub leading the cluster jobs dies, a survivor takes every job over within seconds.
import path from 'node:path';
import { newId } from '@deskside/protocol';
import { SimulatedAgent, simulatedMetrics } from '@deskside/simulator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_JOBS } from '../../apps/hub/src/services/cluster/job-leadership.js';
import { createTestDatabase } from '../../packages/store/src/test-support/postgres.js';
import { AlertsWatch } from '../support/alerts-watch.js';
import { DurableWriter, type Write } from '../support/durable-writer.js';
import { TEST_ADMIN_PASSWORD, TEST_ENROLL_TOKEN } from '../support/hub.js';
import { repoRoot } from '../support/paths.js';
import { type RunningProcess, startNode } from '../support/processes.js';

interface Cluster {
  url: string;
  hubs: Array<{ url: string; pid: number }>;
}

const now = () => new Date().toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function burst(device: number, count: number): Write[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = device * 1000 + i;
    if (i % 4 === 1) {
      return { event: 'alert:raise', payload: { id: newId(), check: 'disk-free', subject: `/mnt/c-${seq}`, severity: 'warning', message: `volume ${seq} is 91% full`, value: 91, threshold: 90, observedAt: now() } };
    }
    return { event: 'device:heartbeat', payload: { id: newId(), sentAt: now(), metrics: simulatedMetrics() } };
  });
}

describe('three hubs on one PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let proc: RunningProcess;
  let cluster: Cluster;
  let db: pg.Client;
  const alive = new Set<number>();
  const writers: DurableWriter[] = [];

  const login = async (hubUrl: string) => {
    const res = await fetch(`${hubUrl}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };
  const device = async (hubUrl: string, name: string) => {
    const agent = new SimulatedAgent({ hubUrl, enrollToken: TEST_ENROLL_TOKEN, machineId: `${name}-machine-0123456789`, hostname: name });
    await agent.enroll();
    return agent;
  };
  const kill = (pid: number) => {
    process.kill(pid, 'SIGKILL');
    alive.delete(pid);
  };
  const leaseHolders = async () => {
    const { rows } = await db.query<{ app: string }>(
      "select a.application_name as app from pg_locks l join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted and a.datname = current_database()",
    );
    return rows.map((r) => Number(r.app.split(':')[1]));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    proc = startNode(path.join(repoRoot, 'scripts/cluster.mjs'), ['--hubs', '3', '--port', '0', '--database', database.url, '--heartbeat-seconds', '2'], {
      DESKSIDE_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      DESKSIDE_ENROLL_TOKEN: TEST_ENROLL_TOKEN,
    });
    const ready = await proc.waitFor(/DESKSIDE_CLUSTER_READY (\{.*\})/, 90_000);
    cluster = JSON.parse(ready[1] ?? '{}') as Cluster;
    for (const h of cluster.hubs) alive.add(h.pid);
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    for (const w of writers) w.close();
    await db?.end();
    await proc?.stop('SIGTERM');
    await database?.drop();
  });

  it('shows a console on hub A an alert raised by an agent on hub C', async () => {
    const [a, , c] = cluster.hubs;
    if (!a || !c) throw new Error('three hubs expected');
    const watch = new AlertsWatch(a.url, await login(a.url));
    await watch.watch();
    const agent = await device(c.url, 'cross-hub');
    const writer = new DurableWriter(c.url, agent.deviceId, agent.deviceKey ?? '');
    writers.push(writer);
    await writer.sendAll([{ event: 'alert:raise', payload: { id: newId(), check: 'disk-free', subject: '/cross-hub', severity: 'critical', message: 'volume is 97% full', value: 97, threshold: 90, observedAt: now() } }]);
    const seen = await watch.until((x) => x.subject === '/cross-hub', 15_000, 'the alert raised on hub C');
    expect(seen.deviceId).toBe(agent.deviceId);
    watch.close();
  });

  it('keeps every acknowledged write exactly once when a hub is killed mid-burst; its agents finish on the others', async () => {
    const agents = await Promise.all(Array.from({ length: 12 }, (_, i) => device(cluster.url, `burst-${i}`)));
    const burstWriters = agents.map((ag) => new DurableWriter(cluster.url, ag.deviceId, ag.deviceKey ?? ''));
    writers.push(...burstWriters);
    const sending = Promise.all(burstWriters.map((w, i) => w.sendAll(burst(i, 40), 40)));
    await sleep(1200);
    const victim = cluster.hubs[1];
    if (!victim) throw new Error('three hubs expected');
    kill(victim.pid);
    const killedAt = Date.now();
    await sending;
    // Every agent, including the killed hub's, finished its burst on the surviving hubs.
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    const acked = burstWriters.flatMap((w) => w.acked);
    expect(acked).toHaveLength(12 * 40);
    for (const w of acked) {
      const { rows } = await db.query<{ n: string }>('select count(*) as n from processed_messages where device_id = $1 and message_id = $2', [w.deviceId, w.payload.id]);
      expect(Number(rows[0]?.n), `${w.event} ${w.payload.id}`).toBe(1);
    }
    const heartbeats = acked.filter((w) => w.event === 'device:heartbeat').length;
    const { rows } = await db.query<{ n: string }>('select count(*) as n from health_samples where device_id = any($1)', [agents.map((x) => x.deviceId)]);
    expect(Number(rows[0]?.n)).toBe(heartbeats);
  });

  it('moves every cluster job to a surviving hub within seconds when its leader dies, one leader at a time', async () => {
    const before = await leaseHolders();
    // One lease per cluster job, all on one hub or spread over several.
    expect(before).toHaveLength(CLUSTER_JOBS.length);
    const leader = before[0] as number;
    expect(alive.has(leader)).toBe(true);
    kill(leader);
    const deadline = Date.now() + 15_000;
    let after: number[] = [];
    while (Date.now() < deadline) {
      after = await leaseHolders();
      if (after.length === CLUSTER_JOBS.length && after.every((pid) => pid !== leader)) break;
      await sleep(250);
    }
    expect(after).toHaveLength(CLUSTER_JOBS.length);
    for (const pid of after) expect(alive.has(pid), `lease held by live hub ${pid}`).toBe(true);
  });
});
