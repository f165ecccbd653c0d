#!/usr/bin/env node
// `npm run demo` (after scripts/demo.mjs started the hub): fills the hub with a coherent simulated
// company — two sites, ~40 PCs with their inventories, alerts, tickets at every stage — and keeps
// the PCs live with heartbeats. The PCs' identities are kept in the data directory, so a restart
// reconnects the same fleet instead of enrolling a new one.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simulatedInventory } from '../inventory-generator.js';
import { personOf } from '../inventory-sections.js';
import { seededRandom } from '../random.js';
import { SimulatedAgent, simulatedMetrics } from '../simulated-agent.js';
import { ALERTS, TICKETS } from './demo-script.js';
import { HubClient } from './hub-client.js';

interface DemoPc {
  index: number;
  deviceId: string;
  deviceKey: string;
  machineId: string;
  hostname: string;
}

interface DemoState {
  pcs: DemoPc[];
  seeded: boolean;
}

const SEED = 2026;
const SITES = [
  // The first-start site ("Main office") holds the head office's PCs.
  { name: 'Main office', prefix: 'PAR', count: 30 },
  { name: 'Lyon branch', prefix: 'LYO', count: 12 },
] as const;
const HEARTBEAT_MS = 30_000;

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const hubUrl = arg('--hub') ?? 'http://127.0.0.1:4800';
const dataDir = path.resolve(arg('--data-dir') ?? '.deskside-demo');
const statePath = path.join(dataDir, 'demo-fleet.json');

/** scripts/demo.mjs hands the demo hub its login and token through the environment, as an operator would. */
function credentials(): { password: string; enrollToken: string } {
  const password = process.env['DESKSIDE_ADMIN_PASSWORD'];
  const enrollToken = process.env['DESKSIDE_ENROLL_TOKEN'];
  if (!password || !enrollToken) throw new Error('demo: set DESKSIDE_ADMIN_PASSWORD and DESKSIDE_ENROLL_TOKEN (npm run demo does)');
  return { password, enrollToken };
}

async function enrollFleet(hub: HubClient, mainToken: string): Promise<DemoState> {
  const sites = ((await hub.call('GET', '/api/v1/sites')) as { sites: { id: string; name: string }[] }).sites;
  const pcs: DemoPc[] = [];
  let index = 1;
  for (const [n, site] of SITES.entries()) {
    let token = mainToken;
    if (n > 0) {
      const existing = sites.find((s) => s.name === site.name);
      const siteId = existing?.id ?? ((await hub.call('POST', '/api/v1/sites', { name: site.name })) as { id: string }).id;
      token = ((await hub.call('POST', '/api/v1/enroll-tokens', { siteId, label: `${site.name} PCs (demo)` })) as { token: string }).token;
    }
    for (let i = 0; i < site.count; i++, index++) {
      const inv = simulatedInventory(SEED, index);
      const hostname = `${site.prefix}-${inv.hardware?.chassisType === 'Notebook' ? 'LT' : inv.system?.virtual ? 'VM' : 'PC'}-${String(index).padStart(3, '0')}`;
      const machineId = `demo-${SEED}-${index}`;
      const agent = new SimulatedAgent({ hubUrl, enrollToken: token, machineId, hostname });
      await agent.enroll();
      pcs.push({ index, deviceId: agent.deviceId, deviceKey: agent.deviceKey ?? '', machineId, hostname });
    }
  }
  return { pcs, seeded: false };
}

async function connect(pc: DemoPc, enrollToken: string): Promise<SimulatedAgent> {
  const agent = new SimulatedAgent({ hubUrl, enrollToken, machineId: pc.machineId, hostname: pc.hostname, deviceId: pc.deviceId });
  agent.deviceKey = pc.deviceKey;
  await agent.connect();
  const inv = simulatedInventory(SEED, pc.index);
  if (inv.os) inv.os.hostname = pc.hostname;
  await agent.sendInventory(inv);
  return agent;
}

async function seed(hub: HubClient, agents: SimulatedAgent[], pcs: DemoPc[], adminId: string): Promise<void> {
  const random = seededRandom(SEED);
  // Alerts on PCs at both sites (indexes spread over the fleet).
  for (const [i, alert] of ALERTS.entries()) {
    const agent = agents[(i * 5 + 2) % agents.length];
    if (agent) await agent.raiseAlert({ ...alert });
  }
  for (const [i, t] of TICKETS.entries()) {
    const n = (i * 3 + 1) % agents.length;
    const agent = agents[n];
    const pc = pcs[n];
    if (!agent || !pc) continue;
    const person = personOf(pc.index);
    const ack = await agent.createTicket({ subject: t.subject, description: t.description, category: t.category, impact: t.impact, urgency: t.urgency, requester: { name: `${person.first} ${person.last}`, username: person.username, email: `${person.username}@corp.example` } });
    if (!ack.ok) continue;
    const id = ack.data.ticketId;
    const act = (name: string, body: unknown) => hub.call('POST', `/api/v1/tickets/${id}/${name}`, body);
    if (t.stage === 'new') continue;
    await act('assign', { assigneeId: adminId });
    if (t.stage === 'assigned') continue;
    await act('reply', { body: `Hello ${person.first}, thanks for reporting this. I am looking into it now.` });
    if (t.stage === 'replied') continue;
    if (t.stage === 'pending') {
      await act('status', { status: 'pending', note: 'Waiting for the manager’s approval.' });
      continue;
    }
    await act('time', { minutes: 15 + Math.floor(random() * 45) });
    await act('resolve', { note: 'Fixed: see the steps in the reply above.' });
    if (t.stage === 'closed') await act('status', { status: 'closed' }).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const { password, enrollToken } = credentials();
  const hub = new HubClient(hubUrl);
  await hub.login('admin', password);
  const me = (await hub.call('GET', '/api/v1/me')) as { user?: { id: string }; id?: string };
  const adminId = me.user?.id ?? me.id ?? '';
  let state: DemoState = existsSync(statePath) ? (JSON.parse(readFileSync(statePath, 'utf8')) as DemoState) : await enrollFleet(hub, enrollToken);
  writeFileSync(statePath, JSON.stringify(state, null, 2), { mode: 0o600 });
  const agents: SimulatedAgent[] = [];
  for (const pc of state.pcs) agents.push(await connect(pc, enrollToken));
  if (!state.seeded) {
    await seed(hub, agents, state.pcs, adminId);
    state = { ...state, seeded: true };
    writeFileSync(statePath, JSON.stringify(state, null, 2), { mode: 0o600 });
  }
  console.log(`Demo fleet: ${agents.length} simulated PCs at ${SITES.length} sites are live (heartbeats every ${HEARTBEAT_MS / 1000} s).`);
  const random = seededRandom(Date.now() % 100_000);
  const beat = () => {
    for (const [i, agent] of agents.entries()) void agent.heartbeat(simulatedMetrics(random, { wireless: (state.pcs[i]?.hostname ?? '').includes('-LT-') })).catch(() => undefined);
  };
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  const stop = () => {
    clearInterval(timer);
    for (const a of agents) a.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
