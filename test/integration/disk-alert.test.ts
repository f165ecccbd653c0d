// Issue 4's proof: a volume crosses the disk threshold on a real agent-core runtime (its volume
// source injected, everything else real: outbox, socket.io, the built hub process) → the alert
// reaches a watching console → a technician acknowledges it over HTTP → it clears when the value
// recovers; a value hovering at the threshold raises ONE alert, not many.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAgentRuntime, HealthMonitor, Outbox, silentLogger, type AgentRuntime } from '@deskside/agent-core';
import { AlertListResponseSchema, DEFAULT_HEALTH_POLICY, newId, type InventoryDocument } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertsWatch } from '../support/alerts-watch.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

const GB = 1024 ** 3;
const SIZE = 200 * GB;

describe('a disk alert, end to end', () => {
  let hub: TestHub;
  let token: string;
  let watch: AlertsWatch;
  let agent: AgentRuntime;
  let stateDir: string;
  /** The injected volume source: % free of /data, changed by the test. */
  let freePercent = 50;
  /** When the agent's evaluator emitted each raise (performance.now()). */
  const raisedAt: number[] = [];

  const api = async (method: string, pathname: string, body?: unknown) => {
    const res = await fetch(hub.url + pathname, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as unknown };
  };

  beforeAll(async () => {
    hub = await startHub(['--heartbeat-seconds', '1']);
    token = await hub.login();
    // Two samples to raise or clear, 5 % hysteresis: the thresholds the hub pushes to the agent.
    const put = await api('PUT', '/api/v1/policies/health', { ...DEFAULT_HEALTH_POLICY, persistSamples: 2, hysteresisPercent: 5, diskFreePercentMin: 10, diskFreeGbMin: 1 });
    expect(put.status).toBe(200);
    watch = new AlertsWatch(hub.url, token);
    await watch.watch();

    stateDir = mkdtempSync(path.join(tmpdir(), 'deskside-disk-alert-'));
    const outbox = await Outbox.open(path.join(stateDir, 'outbox-under-test'));
    const health = new HealthMonitor({
      outbox,
      newId: () => newId(),
      now: () => Date.now(),
      logger: silentLogger,
      sampleVolumes: () => Promise.resolve([{ mount: '/data', sizeBytes: SIZE, usedBytes: Math.round(SIZE * (1 - freePercent / 100)) }]),
    });
    const onSample = health.onSample.bind(health);
    health.onSample = async (metrics) => {
      const out = await onSample(metrics);
      if (out.some((t) => t.type === 'raise')) raisedAt.push(performance.now());
      return out;
    };
    const inventory: InventoryDocument = { schemaVersion: 1, collectedAt: new Date().toISOString(), agentVersion: 'it', probes: [], os: { platform: 'linux', distro: null, release: null, build: null, codename: null, kernel: null, arch: null, hostname: 'DISK-ALERT-PC', fqdn: null, timezone: null, lastBootAt: null } };
    agent = await createAgentRuntime({
      stateDir,
      logger: silentLogger,
      overrides: {
        outbox,
        health,
        hostname: () => 'DISK-ALERT-PC',
        machineId: () => Promise.resolve('disk-alert-machine-0123456789'),
        collectInventory: () => Promise.resolve({ ...inventory, collectedAt: new Date().toISOString() }),
        sampleMetrics: () => Promise.resolve({ cpuPercent: 3, memUsedBytes: GB, memTotalBytes: 8 * GB, diskUsedBytes: null, diskTotalBytes: null, uptimeSeconds: 600 }),
      },
    });
    await agent.start({ hubUrl: hub.url, enrollToken: TEST_ENROLL_TOKEN });
  });

  afterAll(async () => {
    await agent?.stop();
    watch?.close();
    await hub?.cleanup();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it('raises one alert, shows it live, is acknowledged over HTTP and clears on recovery', async () => {
    // Healthy for a few heartbeats: nothing.
    await new Promise((r) => setTimeout(r, 3_000));
    expect([...watch.alerts.values()]).toHaveLength(0);

    // The volume fills past the floor: after two samples the agent raises, and the console sees it.
    freePercent = 8;
    const open = await watch.until((a) => a.check === 'disk-free' && a.subject === '/data' && a.state === 'open', 30_000, 'the disk alert');
    expect(open).toMatchObject({ hostname: 'DISK-ALERT-PC', severity: 'warning', source: 'agent', threshold: 10 });
    const firstSeen = watch.received.find((r) => r.alert.id === open.id);
    const latencyMs = firstSeen && raisedAt[0] !== undefined ? firstSeen.at - raisedAt[0] : NaN;
    // Hub part: the alert's commit instant (raisedAt, hub clock) to arrival (same machine, same clock).
    const hubMs = firstSeen ? firstSeen.wallAt - Date.parse(open.raisedAt) : NaN;
    console.log(`alert → console latency: ${latencyMs.toFixed(1)} ms from the agent's evaluation (outbox, socket, commit, feed); ${hubMs} ms from the hub's commit`);
    expect(latencyMs).toBeLessThan(1_000);

    // Hovering at the threshold (inside the hysteresis band, both sides of 10 %): still ONE alert.
    for (const v of [10.2, 9.7, 10.4, 9.9, 10.3, 9.8]) {
      freePercent = v;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const during = AlertListResponseSchema.parse((await api('GET', `/api/v1/alerts?deviceId=${open.deviceId}`)).body).alerts;
    expect(during).toHaveLength(1);
    expect(during[0]?.state).toBe('open');

    // A technician acknowledges it over HTTP; the console sees who.
    const ack = await api('POST', `/api/v1/alerts/${open.id}/acknowledge`);
    expect(ack.status).toBe(200);
    await watch.until((a) => a.id === open.id && a.state === 'acknowledged' && a.acknowledgedBy !== null, 10_000, 'the acknowledgement');

    // Recovery: clearly past the margin for two samples → cleared by the agent → resolved.
    freePercent = 40;
    const resolved = await watch.until((a) => a.id === open.id && a.state === 'resolved', 30_000, 'the clear');
    expect(resolved.clearedAt).not.toBeNull();
    expect(resolved.resolvedBy).toBeNull();

    const all = AlertListResponseSchema.parse((await api('GET', `/api/v1/alerts?deviceId=${open.deviceId}`)).body).alerts;
    expect(all.map((a) => a.id)).toEqual([open.id]);
    const detail = (await api('GET', `/api/v1/alerts/${open.id}`)).body as { events: Array<{ action: string; actor: { type: string } }> };
    expect(detail.events.map((e) => `${e.action}:${e.actor.type}`)).toEqual(['raised:agent', 'acknowledged:user', 'cleared:agent']);
    expect(raisedAt).toHaveLength(1);

    // The same story in the hub's metrics: the push to this console was timed, the raise and the clear counted.
    const metrics = await (await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(Number(/^deskside_alert_to_console_seconds_count (\d+)/m.exec(metrics)?.[1] ?? 0)).toBeGreaterThanOrEqual(3);
    expect(metrics).toMatch(/^deskside_alerts_total\{event="raised"\} 1$/m);
    expect(metrics).toMatch(/^deskside_alerts_total\{event="resolved"\} 1$/m);
    expect(metrics).toMatch(/^deskside_agent_ack_duration_seconds_count\{event="device:heartbeat"\} [1-9]/m);
  });
});
