import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Generous: these wait on real sockets and fsyncs, on a machine shared with other test files.
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
import type { AgentPolicy, InventoryDocument, MetricsSample } from '@deskside/protocol';
import { enroll } from '../connection/enroll.js';
import { connectToHub } from '../connection/hub-connection.js';
import { AgentStateStore } from '../identity/agent-state.js';
import { AckedInventoryStore } from '../inventory/acked-inventory.js';
import { inventoryHash } from '../inventory/hash.js';
import { Outbox } from '../outbox/outbox.js';
import { startLocalHub, type LocalHub } from '../test-support/local-hub.js';
import { ManualClock } from '../util/clock.js';
import { silentLogger } from '../util/logger.js';
import { AgentRuntime } from './agent-runtime.js';
import type { AgentStatusEvent } from './status.js';

const SAMPLE: MetricsSample = { cpuPercent: 5, memUsedBytes: 1, memTotalBytes: 2, diskUsedBytes: 3, diskTotalBytes: 4, uptimeSeconds: 5 };

function document(totalBytes = 1024): InventoryDocument {
  return {
    schemaVersion: 1,
    collectedAt: new Date().toISOString(),
    agentVersion: '0.1.0',
    probes: [],
    memory: { totalBytes, modules: [] },
    cpu: { manufacturer: null, brand: null, cores: 2, physicalCores: 2, speedGHz: null },
  };
}

let hub: LocalHub;
let stateDir: string;
const runtimes: AgentRuntime[] = [];

beforeEach(async () => {
  hub = await startLocalHub();
  stateDir = await mkdtemp(join(tmpdir(), 'agent-runtime-'));
});

afterEach(async () => {
  for (const r of runtimes.splice(0)) await r.stop('test over');
  await hub.close();
});

async function makeRuntime(options: { doc?: () => InventoryDocument; policies?: (AgentPolicy | undefined)[] } = {}) {
  const clock = new ManualClock(Date.now());
  const outbox = await Outbox.open(join(stateDir, 'outbox'));
  const events: AgentStatusEvent[] = [];
  const runtime = new AgentRuntime({
    clock,
    logger: silentLogger,
    stateStore: new AgentStateStore(stateDir, silentLogger),
    ackedInventory: new AckedInventoryStore(stateDir),
    outbox,
    collectInventory: (policy) => {
      options.policies?.push(policy);
      return Promise.resolve((options.doc ?? document)());
    },
    sampleMetrics: () => Promise.resolve(SAMPLE),
    connect: connectToHub,
    enroll,
    machineId: () => Promise.resolve('test-machine-0001'),
    hostname: () => 'test-pc',
    sendTimeoutMs: 2_000,
  });
  runtime.onStatus((e) => events.push(e));
  runtimes.push(runtime);
  return { runtime, clock, outbox, events };
}

describe('AgentRuntime against a real socket.io hub', { timeout: 30_000 }, () => {
  it('enrols, connects, delivers a heartbeat and the full inventory', async () => {
    const { runtime, outbox, events } = await makeRuntime();
    await runtime.start({ hubUrl: `${hub.url}/ignored/path`, enrollToken: 'good-token-123' });

    expect(hub.enrollRequests).toHaveLength(1);
    expect(hub.enrollRequests[0]).toMatchObject({ machineId: 'test-machine-0001', hostname: 'test-pc', protocolVersion: 1 });
    const state = JSON.parse(await readFile(join(stateDir, 'agent-state.json'), 'utf8')) as { hubUrl: string; deviceKey: string };
    expect(state.hubUrl).toBe(hub.url);
    if (process.platform !== 'win32') expect((await stat(join(stateDir, 'agent-state.json'))).mode & 0o777).toBe(0o600);

    await eventually(() => expect(hub.heartbeatsReceived).toHaveLength(1));
    await eventually(() => expect(outbox.size()).toBe(0));
    await eventually(() => expect(hub.events).toEqual(['offer', 'full']));
    expect(hub.heartbeatsReceived[0]?.metrics).toEqual(SAMPLE);
    expect(events.map((e) => e.type)).toEqual(['enrolled', 'connected']);
    await eventually(() => expect(runtime.status().lastInventoryAt).not.toBeNull());
    expect(runtime.status()).toMatchObject({ phase: 'connected', queued: 0, error: null });
  });

  it('restarts on the stored credential, offers a current hash, then sends a delta', async () => {
    let total = 1024;
    const first = await makeRuntime({ doc: () => document(total) });
    await first.runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await eventually(() => expect(hub.events).toEqual(['offer', 'full']));
    await first.runtime.stop('restart');
    expect(hub.presence.map((p) => p.state)).toEqual(['shutting-down']);

    const second = await makeRuntime({ doc: () => document(total) });
    await second.runtime.start({ hubUrl: hub.url });
    expect(hub.enrollRequests).toHaveLength(1);
    await eventually(() => expect(hub.events).toEqual(['offer', 'full', 'offer']));

    total = 2048;
    hub.io.of('/agent').emit('inventory:request', { reason: 'technician' });
    await eventually(() => expect(hub.events).toEqual(['offer', 'full', 'offer', 'offer', 'delta']));
    expect(hub.inventory?.memory?.totalBytes).toBe(2048);
    expect(inventoryHash(hub.inventory!)).toBe(inventoryHash(document(2048)));
  });

  it('falls back to the full document when the hub refuses the delta base', async () => {
    let total = 1024;
    const { runtime } = await makeRuntime({ doc: () => document(total) });
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await eventually(() => expect(hub.events).toEqual(['offer', 'full']));
    // The hub sees `full` before the agent has its ack: wait for the round to end, or refresh joins it.
    await eventually(() => expect(runtime.status().lastInventoryAt).not.toBeNull());
    hub.rejectDeltas = true;
    total = 4096;
    await runtime.refreshInventory();
    expect(hub.events).toEqual(['offer', 'full', 'offer', 'delta', 'full']);
    expect(hub.inventory?.memory?.totalBytes).toBe(4096);
  });

  it('queues heartbeats while offline and delivers each exactly once, in order, after reconnecting', async () => {
    const { runtime, clock, outbox, events } = await makeRuntime();
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await eventually(() => expect(hub.heartbeatsReceived).toHaveLength(1));

    // The hub drops the agent and turns it away for a while.
    hub.refuse = { code: 'rate_limited', message: 'busy' };
    hub.io.of('/agent').disconnectSockets();
    await eventually(() => expect(events.at(-1)?.type).toBe('offline'));
    for (let i = 0; i < 4; i++) {
      clock.advance(1_000);
      await eventually(() => expect(outbox.size()).toBe(i + 1));
    }
    expect(hub.heartbeatsReceived).toHaveLength(1);
    const queued = (await outbox.peek(10)).map((r) => (r.payload as { id: string }).id);

    hub.refuse = null;
    const handshakes = hub.handshakes;
    // Time passes until the connection's own backoff retries (heartbeats keep being queued meanwhile).
    for (let i = 0; i < 120 && hub.handshakes === handshakes; i++) {
      clock.advance(1_000);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await eventually(() => expect(hub.handshakes).toBeGreaterThan(handshakes));
    await eventually(() => expect(outbox.size()).toBe(0));
    const ids = hub.heartbeatsReceived.map((h) => h.id);
    expect(ids.slice(1, 5)).toEqual(queued);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(runtime.status().phase).toBe('connected');
  });

  it('stops for good when the hub says the device is revoked', async () => {
    const { runtime, clock, events } = await makeRuntime();
    await new AgentStateStore(stateDir, silentLogger).save({
      hubUrl: hub.url,
      deviceId: '01J0000000000000000000000A',
      deviceKey: hub.deviceKey,
      siteId: '01J0000000000000000000000B',
      policy: { heartbeatSeconds: 1, inventorySeconds: 3600 },
      enrolledAt: new Date().toISOString(),
    });
    hub.refuse = { code: 'revoked', message: 'device revoked' };
    await runtime.start({});
    await eventually(() => expect(events.at(-1)).toMatchObject({ type: 'error', code: 'revoked', fatal: true }));
    clock.advance(10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hub.handshakes).toBe(1);
    expect(runtime.status().phase).toBe('error');
  });

  it('tells an outdated agent to upgrade', async () => {
    const { runtime, events } = await makeRuntime();
    hub.refuse = { code: 'protocol_unsupported', message: 'too old' };
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await eventually(() => expect(events.at(-1)).toMatchObject({ type: 'error', code: 'protocol_unsupported' }));
    expect(runtime.status().error?.message).toMatch(/upgrade the agent/);
  });

  it('applies a valid policy, ignores an invalid one, and persists it', async () => {
    const { runtime } = await makeRuntime();
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await eventually(() => expect(runtime.status().phase).toBe('connected'));
    hub.io.of('/agent').emit('policy:update', { heartbeatSeconds: 0, inventorySeconds: 1 } as never);
    hub.io.of('/agent').emit('policy:update', { heartbeatSeconds: 45, inventorySeconds: 7200 });
    const store = new AgentStateStore(stateDir, silentLogger);
    await eventually(async () => expect((await store.load())?.policy).toEqual({ heartbeatSeconds: 45, inventorySeconds: 7200 }));
  });

  it('collects inventory under the cadence the hub pushes (inventoryIntervals)', async () => {
    const policies: (AgentPolicy | undefined)[] = [];
    const { runtime } = await makeRuntime({ policies });
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await eventually(() => expect(runtime.status().phase).toBe('connected'));
    const inventoryIntervals = { volatileSeconds: 120, softwareSeconds: 1800, hardwareSeconds: 1800, fullSeconds: 43_200 };
    hub.io.of('/agent').emit('policy:update', { heartbeatSeconds: 30, inventorySeconds: 3600, inventoryIntervals });
    const store = new AgentStateStore(stateDir, silentLogger);
    await eventually(async () => expect((await store.load())?.policy.inventoryIntervals).toEqual(inventoryIntervals));
    hub.io.of('/agent').emit('inventory:request', { reason: 'technician' });
    await eventually(() => expect(policies.at(-1)?.inventoryIntervals).toEqual(inventoryIntervals));
  });

  it('says so on suspend and resume', async () => {
    const { runtime } = await makeRuntime();
    await runtime.start({ hubUrl: hub.url, enrollToken: 'good-token-123' });
    await eventually(() => expect(runtime.status().phase).toBe('connected'));
    await runtime.notifySuspend();
    runtime.notifyResume();
    await eventually(() => expect(hub.presence.map((p) => p.state)).toEqual(['suspending', 'resuming']));
  });

  it('refuses to start unenrolled without a token', async () => {
    const { runtime } = await makeRuntime();
    await expect(runtime.start({ hubUrl: hub.url })).rejects.toThrow(/--enroll-token/);
  });
});
