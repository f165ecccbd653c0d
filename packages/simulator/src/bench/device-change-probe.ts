import { simulatedInventory } from '../inventory-generator.js';
import { SimulatedAgent } from '../simulated-agent.js';
import { openConsole } from './console-session.js';

/**
 * Measures how long a device change (an inventory upload) takes to reach a console watching the
 * fleet: a probe agent on the main thread changes its hostname, and a console socket times the
 * matching `devices:changed`. Not an alert: the device feed is coalesced on its own schedule.
 */
export async function measureDeviceChangeToConsole(opts: {
  hubUrl: string;
  adminPassword: string;
  enrollToken: string;
  probes: number;
  spacingMs: number;
}): Promise<number[]> {
  const { socket: consoleSocket } = await openConsole(opts.hubUrl, opts.adminPassword);
  await consoleSocket.timeout(10_000).emitWithAck('fleet:watch');

  const agent = new SimulatedAgent({
    hubUrl: opts.hubUrl,
    enrollToken: opts.enrollToken,
    machineId: `bench-console-probe-${Date.now()}`,
    hostname: 'probe',
  });
  await agent.enroll();
  await agent.connect();

  const waiting = new Map<string, (at: number) => void>();
  consoleSocket.on('devices:changed', ({ devices }) => {
    const now = performance.now();
    for (const d of devices) waiting.get(d.hostname)?.(now);
  });

  const latencies: number[] = [];
  for (let i = 0; i < opts.probes; i++) {
    const document = simulatedInventory(7, 1);
    const hostname = `probe-${i}`;
    if (document.os) document.os.hostname = hostname;
    const seen = new Promise<number>((resolve) => waiting.set(hostname, resolve));
    const started = performance.now();
    await agent.sendInventory(document);
    const arrived = await Promise.race([seen, sleep(5000).then(() => Number.NaN)]);
    waiting.delete(hostname);
    if (!Number.isNaN(arrived)) latencies.push(arrived - started);
    await sleep(opts.spacingMs);
  }
  agent.close();
  consoleSocket.disconnect();
  return latencies;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
