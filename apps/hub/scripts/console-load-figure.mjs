// A figure, not a test: how fast the hub answers what the console asks most — the fleet list, the
// ticket queue and the global search — with 10,000 devices (coherent simulated inventories) and
// 20,000 tickets. Seeds a temporary data directory through the BUILT store, starts the BUILT hub
// on it, then times each request over HTTP (p50/p95 of --runs, after one warm-up each):
//   npm run build -w @deskside/store -w @deskside/simulator -w @deskside/hub
//   node apps/hub/scripts/console-load-figure.mjs [--devices N] [--tickets N] [--runs N] [--whole-lists]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newId } from '@deskside/protocol';
import { inventoryHash, simulatedInventory } from '@deskside/simulator';
import { openStore } from '@deskside/store';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const DEVICES = arg('devices', 10_000);
const TICKETS = arg('tickets', 20_000);
const RUNS = arg('runs', 40);
const PASSWORD = 'console-load-figure-password';
const NOW = Date.now();
const SUBJECTS = ['VPN drops every hour', 'Printer jams on floor 2', 'Outlook asks for the password', 'Excel crashes on open', 'New starter laptop', 'Wi-Fi drops in meeting room', 'Teams camera not found', 'Disk almost full'];

const dir = mkdtempSync(path.join(tmpdir(), 'deskside-console-figure-'));
const started = performance.now();
const store = await openStore({ dataDir: dir });
const site = { id: newId(), name: 'Main office', createdAt: new Date(NOW - 86_400_000) };
await store.sites.create(site);
const devices = [];
for (let batch = 0; batch < DEVICES; batch += 500) {
  await store.transaction(async (tx) => {
    for (let i = batch; i < Math.min(DEVICES, batch + 500); i++) {
      const inv = simulatedInventory(7, i + 1, new Date(NOW));
      const hostname = inv.os?.hostname ?? `pc-${i}`;
      const device = { id: newId(), siteId: site.id, machineId: `figure-${i}`, hostname, keyHash: 'a'.repeat(64), enrolledAt: new Date(NOW - 86_400_000) };
      await tx.devices.create(device);
      await tx.inventory.put({ deviceId: device.id, hash: inventoryHash(inv), document: inv, updatedAt: new Date(NOW) });
      await tx.devices.updateSummary(device.id, hostname, { os: inv.os?.distro ?? null, cpu: inv.cpu?.brand ?? null, ramBytes: inv.memory?.totalBytes ?? null, ip: inv.network?.adapters[0]?.ipv4[0] ?? null });
      devices.push({ ...device, serial: inv.system?.serial, user: inv.users?.loggedIn[0]?.name });
    }
  });
}
await store.transaction(async (tx) => {
  for (let i = 0; i < TICKETS; i++) {
    const device = devices[i % devices.length];
    const createdAt = new Date(NOW - (i % 2000) * 3_600_000);
    const status = ['new', 'open', 'pending', 'resolved', 'closed'][i % 5];
    await tx.tickets.create({
      id: newId(), subject: `${SUBJECTS[i % SUBJECTS.length]} (${i})`, description: 'seeded', category: 'other', impact: 'medium', urgency: 'medium', priority: ['P1', 'P2', 'P3', 'P4'][i % 4],
      status, tier: 1, assigneeId: null, requester: { name: `Employee ${i % 400}`, username: null, email: null }, deviceId: device.id, siteId: site.id, network: null, source: 'agent',
      createdAt, updatedAt: createdAt, firstResponseAt: null, resolvedAt: null, closedAt: status === 'closed' ? createdAt : null, slaPauses: [], firstResponseBreachedAt: null, resolutionBreachedAt: null,
      timeSpentMinutes: 0, mergedIntoId: null, incidentId: null, linkedAlertIds: [], diagnostics: null,
    });
  }
});
await store.close();
process.stderr.write(`seeded ${DEVICES} devices and ${TICKETS} tickets in ${Math.round(performance.now() - started)} ms\n`);

const hub = spawn(process.execPath, [path.join(here, '../bin/deskside-hub.js'), '--port', '0', '--data-dir', dir], {
  env: { ...process.env, DESKSIDE_ADMIN_PASSWORD: PASSWORD, DESKSIDE_LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  hub.stdout.on('data', (chunk) => {
    out += chunk;
    const m = /DESKSIDE_READY (\{.*\})/.exec(out);
    if (m) resolve(JSON.parse(m[1]).url);
  });
  hub.on('exit', () => reject(new Error('hub exited')));
});
try {
  const login = await fetch(`${url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  const { token } = await login.json();
  const time = async (label, paths) => {
    const get = async (p) => {
      const t0 = performance.now();
      const res = await fetch(url + p, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${p}: ${res.status} ${body.slice(0, 120)}`);
      return { ms: performance.now() - t0, bytes: body.length };
    };
    const times = [];
    let bytes = 0;
    try {
      await get(paths[0]);
      for (let r = 0; r < RUNS; r++) {
        const res = await get(paths[r % paths.length]);
        times.push(res.ms);
        bytes = res.bytes;
      }
    } catch (error) {
      console.log(JSON.stringify({ figure: label, devices: DEVICES, tickets: TICKETS, failed: String(error.message ?? error).slice(0, 160) }));
      return;
    }
    times.sort((a, b) => a - b);
    const q = (p) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]);
    console.log(JSON.stringify({ figure: label, devices: DEVICES, tickets: TICKETS, runs: RUNS, p50Ms: q(0.5), p95Ms: q(0.95), lastBytes: bytes }));
  };
  const d = (i) => devices[(i * 7919) % devices.length];
  // What the console asks: one page of the fleet and of the queue (sorted, filtered, searched on the hub).
  await time('fleet page: GET /api/v1/devices?limit=100 (by hostname, any page)', [0, 10, 50, 99].map((p) => `/api/v1/devices?limit=100&offset=${p * 100}`));
  await time('fleet page sorted: GET /api/v1/devices?limit=100&sort=lastSeen|ram|os', ['lastSeen', 'ram', 'os'].map((s) => `/api/v1/devices?limit=100&sort=${s}`));
  await time('fleet page searched: GET /api/v1/devices?q=<hostname|user|software>&limit=100', devices.slice(0, 10).flatMap((x) => [x.hostname, x.user ?? 'chrome']).concat(['chrome']).map((q) => `/api/v1/devices?q=${encodeURIComponent(q)}&limit=100`));
  await time('queue page: GET /api/v1/tickets?limit=50 (queue order, any page)', [0, 20, 100, 300].map((p) => `/api/v1/tickets?limit=50&sort=queue&offset=${p * 50}`));
  await time('queue page filtered: GET /api/v1/tickets?status=open|new&sort=updated|number|subject&limit=50', ['status=open&sort=updated', 'status=new&sort=number&order=desc', 'sort=subject', 'priority=P1&sort=created'].map((q) => `/api/v1/tickets?${q}&limit=50`));
  await time('queue page searched: GET /api/v1/tickets?q=<words>&limit=50', ['printer', 'vpn drops', 'outlook pass', 'employee 12', '#1234', 'wi-fi'].map((q) => `/api/v1/tickets?q=${encodeURIComponent(q)}&limit=50`));
  if (process.argv.includes('--whole-lists')) {
    // The compatible whole-list answers (every row): large bodies, not what the console asks.
    await time('fleet search, whole list: GET /api/v1/devices?q=<hostname>', devices.slice(0, 20).map((x) => `/api/v1/devices?q=${encodeURIComponent(x.hostname)}`));
    await time('fleet list, whole: GET /api/v1/devices (every device)', ['/api/v1/devices']);
    await time('queue, whole: GET /api/v1/tickets?status=open', ['/api/v1/tickets?status=open']);
  }
  const queries = [];
  for (let i = 0; i < 10; i++) queries.push(d(i).hostname, d(i + 10).serial, d(i + 20).user, `#${1 + i * 1000}`, SUBJECTS[i % SUBJECTS.length].split(' ')[0], 'chrome');
  await time('search: GET /api/v1/search?q= (hostname, serial, user, ticket number, subject word, software)', queries.filter(Boolean).map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`));
} finally {
  hub.kill('SIGTERM');
  await new Promise((r) => hub.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
