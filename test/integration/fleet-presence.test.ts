// Foundation, end to end across processes: a real hub, three real headless agents and a console.
import { DeviceDetailSchema, DeviceListResponseSchema } from '@deskside/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startAgent, type TestAgent } from '../support/agent.js';
import { ConsoleClient } from '../support/console-client.js';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';

describe('a device appears live in the console', () => {
  let hub: TestHub;
  let token: string;
  let consoleClient: ConsoleClient;
  const agents: TestAgent[] = [];

  beforeAll(async () => {
    // Short presence timings so "unreachable" is observable in seconds, not the 90 s default.
    hub = await startHub(['--heartbeat-seconds', '1', '--offline-grace-seconds', '2']);
    token = await hub.login();
    consoleClient = new ConsoleClient(hub.url, token);
    await consoleClient.watch();
  });

  afterAll(async () => {
    consoleClient?.close();
    await Promise.all(agents.map((a) => a.process.stop('SIGKILL')));
    await hub?.cleanup();
  });

  it('shows three enrolled agents online with their inventory', async () => {
    for (let i = 0; i < 3; i++) agents.push(startAgent(hub.url, TEST_ENROLL_TOKEN, `integration-machine-${i}-0123456789`));
    const ids = await Promise.all(agents.map((a) => eventually(() => a.deviceId())));
    expect(new Set(ids).size).toBe(3);

    await consoleClient.until(
      (devices) => ids.every((id) => devices.some((d) => d.id === id && d.status === 'online' && d.os !== null && d.ramBytes !== null)),
      60_000,
      'three online devices with inventory',
    );

    const list = DeviceListResponseSchema.parse((await hub.get('/api/v1/devices', token)).body);
    expect(list.devices.filter((d) => ids.includes(d.id))).toHaveLength(3);

    const detail = DeviceDetailSchema.parse((await hub.get(`/api/v1/devices/${ids[0]}`, token)).body);
    expect(detail.inventory?.os?.hostname).toBeTruthy();
    expect(detail.inventory?.cpu?.cores).toBeGreaterThan(0);
    expect(detail.inventory?.memory?.totalBytes).toBeGreaterThan(0);
  });

  it('turns a killed agent unreachable, live, and the others stay online', async () => {
    const [victim, ...survivors] = agents;
    if (!victim) throw new Error('no agents');
    const victimId = victim.deviceId();
    await victim.process.stop('SIGKILL');

    await consoleClient.until((devices) => devices.some((d) => d.id === victimId && d.status === 'unreachable'), 15_000, 'victim unreachable');
    const byId = new Map([...consoleClient.devices.values()].map((d) => [d.id, d]));
    for (const s of survivors) expect(byId.get(s.deviceId())?.status).toBe('online');
  });

  it('brings a restarted agent back online with the same identity', async () => {
    const victim = agents[0];
    if (!victim) throw new Error('no agents');
    const id = victim.deviceId();
    const again = startAgent(hub.url, 'no-token-needed-once-enrolled', 'integration-machine-0-0123456789', victim.stateDir);
    agents[0] = again;
    await consoleClient.until((devices) => devices.some((d) => d.id === id && d.status === 'online'), 30_000, 'victim back online');
    expect(again.deviceId()).toBe(id);
  });
});
