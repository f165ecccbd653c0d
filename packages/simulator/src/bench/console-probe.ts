import {
  type ConsoleToHubEvents,
  type HubToConsoleEvents,
  LoginResponseSchema,
  PROTOCOL_VERSION,
} from '@deskside/protocol';
import { io, type Socket } from 'socket.io-client';
import { simulatedInventory } from '../inventory-generator.js';
import { SimulatedAgent } from '../simulated-agent.js';

/**
 * Measures how long a change sent by an agent takes to reach a watching console: a few agents on
 * the main thread change their inventory, and a console socket times the matching `devices:changed`.
 */
export async function measureChangeToConsole(opts: {
  hubUrl: string;
  adminPassword: string;
  enrollToken: string;
  probes: number;
  spacingMs: number;
}): Promise<number[]> {
  const login = await fetch(`${opts.hubUrl}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: opts.adminPassword }),
  });
  const { token } = LoginResponseSchema.parse(await login.json());
  const consoleSocket: Socket<HubToConsoleEvents, ConsoleToHubEvents> = io(`${opts.hubUrl}/console`, {
    auth: { protocolVersion: PROTOCOL_VERSION, token },
    transports: ['websocket'],
  });
  await new Promise<void>((resolve, reject) => {
    consoleSocket.once('connect', resolve);
    consoleSocket.once('connect_error', reject);
  });
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
