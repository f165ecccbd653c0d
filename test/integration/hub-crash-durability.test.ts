// The hub is killed with SIGKILL at random moments while devices stream idempotent writes, each
// retried (same message id) until acked. After the last restart every ACKNOWLEDGED write is in the
// database exactly once, and a re-send answers the first result.
import { newId } from '@deskside/protocol';
import { inventoryHash, SimulatedAgent, simulatedInventory, simulatedMetrics } from '@deskside/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AckedWrite, DurableWriter, type Write } from '../support/durable-writer.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';
import { type HubDatabase, openHubDatabase } from '../support/hub-database.js';

const DEVICES = 8;
const TOTAL_WRITES = 1000;
const KILLS = 5;

/** A kind of agent write in the stream. Adding a kind (tickets, alerts) is one entry here. */
interface WriteKind {
  event: string;
  /** Relative frequency in the stream. */
  weight: number;
  make(seq: number): Write['payload'];
  /** Rows this write produced in its own domain table (beyond the idempotency record); must be 1. */
  domainRows?(db: HubDatabase, w: AckedWrite): Promise<number>;
}

const now = () => new Date().toISOString();

const KINDS: WriteKind[] = [
  {
    event: 'device:heartbeat',
    weight: 8,
    make: () => ({ id: newId(), sentAt: now(), metrics: simulatedMetrics() }),
    domainRows: (db, w) => db.count('select count(*) as n from health_samples where device_id = ? and message_id = ?', w.deviceId, w.payload.id),
  },
  {
    event: 'inventory:full',
    weight: 1,
    make: (seq) => {
      const document = simulatedInventory(seq, 1);
      if (document.os) document.os.hostname = `crash-pc-${seq}`;
      return { id: newId(), hash: inventoryHash(document), document };
    },
  },
  {
    event: 'alert:raise',
    weight: 1,
    make: (seq) => ({
      id: newId(),
      check: 'disk-free',
      subject: `/mnt/vol-${seq}`,
      severity: 'warning',
      message: `volume ${seq} is 91% full`,
      value: 91,
      threshold: 90,
      observedAt: now(),
    }),
  },
  {
    event: 'ticket:create',
    weight: 1,
    make: (seq) => ({
      id: newId(),
      createdAt: now(),
      subject: `Printer ${seq} jammed`,
      description: 'It beeps and blinks.',
      category: 'printer',
      impact: 'low',
      urgency: 'medium',
      requester: { name: 'Dana', username: 'dana', email: null },
      diagnostics: null,
      screenshot: null,
    }),
    domainRows: (db, w) => db.count('select count(*) as n from tickets where subject = ?', w.payload['subject']),
  },
];

function streamFor(device: number, count: number): Write[] {
  const bag = KINDS.flatMap((k) => Array.from({ length: k.weight }, () => k));
  return Array.from({ length: count }, (_, i) => {
    const kind = bag[(device * 7 + i * 3) % bag.length] as WriteKind;
    return { event: kind.event, payload: kind.make(device * 10_000 + i) };
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('hub killed with SIGKILL mid-stream', () => {
  let hub: TestHub;
  const writers: DurableWriter[] = [];

  beforeAll(async () => {
    hub = await startHub(['--heartbeat-seconds', '3600']);
  });
  afterAll(async () => {
    for (const w of writers) w.close();
    await hub?.cleanup();
  });

  it(`keeps every acknowledged write exactly once across ${KILLS} kills (${TOTAL_WRITES} writes)`, async () => {
    const agents = await Promise.all(
      Array.from({ length: DEVICES }, async (_, i) => {
        const a = new SimulatedAgent({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN, machineId: `crash-machine-${i}-0123456789`, hostname: `crash-${i}` });
        await a.enroll();
        return a;
      }),
    );
    for (const a of agents) writers.push(new DurableWriter(hub.url, a.deviceId, a.deviceKey ?? ''));
    const perDevice = TOTAL_WRITES / DEVICES;
    const streams = writers.map((w, i) => streamFor(i, perDevice));
    const sending = Promise.all(writers.map((w, i) => w.sendAll(streams[i] ?? [], 30)));

    const ackedAtKill: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      await sleep(300 + Math.random() * 900);
      ackedAtKill.push(writers.reduce((n, w) => n + w.acked.length, 0));
      await hub.stop('SIGKILL');
      await sleep(Math.random() * 300);
      await hub.restart();
    }
    await sending;
    const acked = writers.flatMap((w) => w.acked);
    expect(acked).toHaveLength(TOTAL_WRITES);
    // The kills really landed mid-stream.
    expect(ackedAtKill.at(-1)).toBeLessThan(TOTAL_WRITES);
    expect(acked.some((w) => w.attempts > 1)).toBe(true);

    // Re-sending an acknowledged message after the restarts answers the first result, unchanged;
    // the same id with another payload is refused.
    const writer = writers[0] as DurableWriter;
    await sleep(3000); // lets the per-device rate limit (20/s, burst 60) refill
    for (const w of writer.acked.slice(0, 20)) {
      expect(await writer.trySend(w)).toEqual({ ok: true, data: w.result });
    }
    const first = writer.acked.find((w) => w.event === 'device:heartbeat') as AckedWrite;
    const changed = { ...first, payload: { ...first.payload, metrics: { ...simulatedMetrics(), cpuPercent: 99.5 } } };
    expect(await writer.trySend(changed)).toMatchObject({ ok: false, error: { code: 'idempotency_conflict' } });

    for (const w of writers) w.close();
    await hub.stop('SIGTERM');
    const db = await openHubDatabase(hub);
    try {
      if (hub.engine === 'sqlite') expect(db.journalMode).toBe('wal');
      for (const w of acked) {
        const records = await db.count('select count(*) as n from processed_messages where device_id = ? and message_id = ?', w.deviceId, w.payload.id);
        expect(records, `${w.event} ${w.payload.id} recorded ${records} times`).toBe(1);
        const kind = KINDS.find((k) => k.event === w.event);
        if (kind?.domainRows) expect(await kind.domainRows(db, w), `${w.event} ${w.payload.id} stored`).toBe(1);
      }
      // Nothing else slipped in twice: one sample per heartbeat message.
      expect(await db.count('select count(*) as n from (select 1 from health_samples group by device_id, message_id having count(*) > 1) as twice')).toBe(0);
      expect(await db.count('select count(*) as n from health_samples')).toBe(acked.filter((w) => w.event === 'device:heartbeat').length);
      // Each device's stored inventory is the last one it was told is stored.
      for (const writer of writers) {
        const last = writer.acked.filter((w) => w.event === 'inventory:full').at(-1);
        if (!last) continue;
        const row = await db.get<{ hash: string }>('select hash from inventories where device_id = ?', writer.deviceId);
        expect(row?.hash).toBe(last.payload['hash']);
      }
    } finally {
      await db.close();
    }
    const retried = acked.filter((w) => w.attempts > 1).length;
    console.log(`hub-crash-durability: ${KILLS} kills, ${acked.length} acked writes, ${retried} needed a retry; acked at each kill: ${ackedAtKill.join(', ')}`);
  });
});
