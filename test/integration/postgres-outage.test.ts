// PostgreSQL goes away under a running hub: /healthz answers 503 with the reason, agent writes are
// not acknowledged (the agent keeps retrying them), and when PostgreSQL is back the same writes
// are acknowledged and stored once. The hub runs on a cluster of its own, so stopping it touches
// no other test.
import { newId } from '@deskside/protocol';
import { SimulatedAgent, simulatedMetrics } from '@deskside/simulator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from '../../packages/store/src/postgres/local-postgres.js';
import { withDatabase } from '../../packages/store/src/test-support/postgres.js';
import { DurableWriter, type Write } from '../support/durable-writer.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('PostgreSQL unreachable under a running hub', () => {
  let cluster: LocalPostgres;
  let hub: TestHub;
  let writer: DurableWriter;
  let url: string;

  beforeAll(async () => {
    cluster = await startLocalPostgres();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database outage');
    await admin.end();
    url = withDatabase(cluster.url, 'outage');
    hub = await startHub(['--database', url, '--heartbeat-seconds', '3600']);
  });
  afterAll(async () => {
    writer?.close();
    await hub?.cleanup();
    await cluster?.destroy();
  });

  it('answers 503 with the reason and acknowledges nothing; after the outage the retried writes land once', async () => {
    const agent = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: 'outage-machine-0123456789', hostname: 'outage-pc' });
    await agent.enroll();
    writer = new DurableWriter(hub.url, agent.deviceId, agent.deviceKey ?? '', 2000);
    const beat = (): Write => ({ event: 'device:heartbeat', payload: { id: newId(), sentAt: new Date().toISOString(), metrics: simulatedMetrics() } });
    await writer.sendAll([beat()]);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);

    await cluster.stop();
    const health = await fetch(`${hub.url}/healthz`);
    expect(health.status).toBe(503);
    const body = (await health.json()) as { status: string; database: string; error: { message: string } };
    expect(body).toMatchObject({ status: 'unavailable', database: 'postgres' });
    expect(body.error.message).toMatch(/^The database does not answer: \S/);
    const during = beat();
    const ack = (await writer.trySend(during)) as { ok?: boolean } | undefined;
    expect(ack?.ok === true, 'a write acknowledged while PostgreSQL is down').toBe(false);

    await cluster.start();
    await writer.sendAll([during, beat()]);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: string }>('select count(*) as n from health_samples where device_id = $1 and message_id = $2', [agent.deviceId, during.payload.id]);
      expect(Number(rows[0]?.n)).toBe(1);
    } finally {
      await db.end();
    }
    expect(hub.process.output()).not.toContain(url);
  });
});
