// Reconnect storm: ~1,000 agents all reconnect the moment the hub restarts. The hub's admission
// limit refuses the excess with rate_limited, the agents retry with jittered backoff (as agent-core
// does), everyone settles, /healthz answers throughout, and no write is lost.
import path from 'node:path';
import { newId, PROTOCOL_VERSION } from '@deskside/protocol';
import { SimulatedAgent, simulatedMetrics } from '@deskside/simulator';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const AGENTS = 1000;
/** Low enough that 1,000 agents are over budget at once, so the limit is really exercised. */
const CONNECT_RATE = 100;

interface StormAgent {
  socket: Socket;
  refusals: number;
  connectedAt?: number;
  heartbeatId: string;
  acked: boolean;
}

/** Jittered exponential backoff like agent-core's: 500 ms doubling to 8 s, ±50 %. */
const backoff = (attempt: number) => {
  const base = Math.min(8000, 500 * 2 ** attempt);
  return base * (0.5 + Math.random());
};

/** Enrols `count` devices over HTTP, a few at a time. */
async function enrollMany(hubUrl: string, count: number, lanes: number): Promise<Array<{ deviceId: string; deviceKey: string }>> {
  const out: Array<{ deviceId: string; deviceKey: string }> = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      const a = new SimulatedAgent({ hubUrl, enrollToken: TEST_ENROLL_TOKEN, machineId: `storm-machine-${i}-0123456789`, hostname: `storm-${i}` });
      await a.enroll();
      out.push({ deviceId: a.deviceId, deviceKey: a.deviceKey ?? '' });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return out;
}

describe('reconnect storm after a hub restart', () => {
  let hub: TestHub;
  const agents: StormAgent[] = [];

  beforeAll(async () => {
    // All agents share loopback: lift the per-address caps, so the storm meets the admission budget.
    hub = await startHub(['--agent-connect-rate', String(CONNECT_RATE), '--agent-handshake-concurrency', '100', '--heartbeat-seconds', '3600', '--agent-handshakes-per-address', '100000']);
  });
  afterAll(async () => {
    for (const a of agents) a.socket.disconnect();
    await hub?.cleanup();
  });

  it(`settles ${AGENTS} agents, keeps /healthz answering and loses nothing`, async () => {
    const credentials = await enrollMany(hub.url, AGENTS, 16);
    expect(credentials).toHaveLength(AGENTS);
    await hub.stop('SIGKILL');
    const restartAt = Date.now();
    const restarting = hub.restart();

    // Every agent starts hammering at once, exactly what a fleet does when the hub comes back.
    for (const c of credentials) {
      const agent: StormAgent = {
        socket: io(`${hub.url}/agent`, {
          auth: { protocolVersion: PROTOCOL_VERSION, deviceId: c.deviceId, deviceKey: c.deviceKey },
          transports: ['websocket'],
          reconnection: true,
          reconnectionDelay: 500,
          reconnectionDelayMax: 8000,
          randomizationFactor: 0.5,
          forceNew: true,
        }),
        refusals: 0,
        heartbeatId: newId(),
        acked: false,
      };
      agent.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
        // socket.io retries transport failures itself; a refused handshake is ours to retry.
        if (agent.socket.active) return;
        if (err.data?.code !== 'rate_limited') throw new Error(`unexpected refusal ${JSON.stringify(err.data)}`);
        setTimeout(() => agent.socket.connect(), backoff(agent.refusals++));
      });
      agent.socket.on('connect', () => {
        agent.connectedAt ??= Date.now();
        const payload = { id: agent.heartbeatId, sentAt: new Date().toISOString(), metrics: simulatedMetrics() };
        const send = (): void => {
          agent.socket
            .timeout(10_000)
            .emitWithAck('device:heartbeat', payload)
            .then((ack: { ok: boolean }) => {
              if (ack.ok) agent.acked = true;
              else setTimeout(send, 500);
            })
            .catch(() => setTimeout(send, 500));
        };
        send();
      });
      agents.push(agent);
    }
    await restarting;

    // /healthz must keep answering while the storm runs.
    const health: number[] = [];
    const healthLatencies: number[] = [];
    const deadline = Date.now() + 60_000;
    while (agents.some((a) => !a.acked) && Date.now() < deadline) {
      const t = Date.now();
      const res = await fetch(`${hub.url}/healthz`, { signal: AbortSignal.timeout(5000) });
      healthLatencies.push(Date.now() - t);
      health.push(res.status);
      await new Promise((r) => setTimeout(r, 250));
    }
    const settledAt = Math.max(...agents.map((a) => a.connectedAt ?? Infinity));
    const settleSeconds = (settledAt - restartAt) / 1000;
    const refusals = agents.reduce((n, a) => n + a.refusals, 0);

    console.log(
      `reconnect-storm: ${AGENTS} agents settled ${settleSeconds.toFixed(1)} s after the restart at ${CONNECT_RATE} connects/s ` +
        `(${refusals} rate_limited refusals; /healthz max ${Math.max(...healthLatencies)} ms over ${health.length} probes)`,
    );
    expect(agents.filter((a) => !a.acked)).toHaveLength(0);
    expect(agents.every((a) => a.socket.connected)).toBe(true);
    expect(refusals).toBeGreaterThan(0); // the admission limit really was hit
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
    // Generous: the test process itself drives 1,000 sockets on the same cores.
    expect(Math.max(...healthLatencies)).toBeLessThan(5000);
    expect(settleSeconds).toBeLessThan(30);

    // Nothing lost: one sample per agent's heartbeat, each exactly once.
    for (const a of agents) a.socket.disconnect();
    await hub.stop('SIGTERM');
    const db = new Database(path.join(hub.dataDir, 'deskside.db'), { readonly: true, fileMustExist: true });
    try {
      const n = (db.prepare('select count(*) as n from health_samples').get() as { n: number }).n;
      const distinct = (db.prepare('select count(distinct message_id) as n from health_samples').get() as { n: number }).n;
      expect(n).toBe(AGENTS);
      expect(distinct).toBe(AGENTS);
    } finally {
      db.close();
    }
  });
});
