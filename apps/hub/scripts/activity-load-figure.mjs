// A figure, not a test: how long loading one month's activity-report input takes, and how many
// rows the store hands back for it, on a desk with 20,000 tickets over two years and 5,000
// alerts. Runs against the BUILT store and hub (npm run build -w @deskside/store -w @deskside/hub):
//   node apps/hub/scripts/activity-load-figure.mjs [--tickets N] [--alerts N] [--runs N] [--loader FILE]
// --loader: another module exporting loadActivityInput (an older loader, built or transpiled) to
// measure instead of this build's. Prints one JSON line per period, so runs compare line by line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newId } from '@deskside/protocol';
import { openStore } from '@deskside/store';
import { pathToFileURL } from 'node:url';
import { computeActivityReport } from '../dist/services/reports/activity-report.js';
import { reportPeriod } from '../dist/services/reports/report-period.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-15T00:00:00Z');
const SPAN = 730 * DAY;

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const TICKETS = arg('tickets', 20_000);
const ALERTS = arg('alerts', 5_000);
const RUNS = arg('runs', 5);
const loaderAt = process.argv.indexOf('--loader');
const { loadActivityInput } = await import(loaderAt >= 0 ? pathToFileURL(path.resolve(process.argv[loaderAt + 1])).href : '../dist/services/reports/activity-loader.js');

// Deterministic, so the before and after runs see the same desk (mulberry32).
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const dir = mkdtempSync(path.join(tmpdir(), 'deskside-report-figure-'));
const store = await openStore({ dataDir: dir });
try {
  const sites = ['main', 'branch', 'client'].map((name) => ({ id: newId(), name, createdAt: new Date(NOW - SPAN - DAY) }));
  const devices = [];
  for (const site of sites) await store.sites.create(site);
  for (let i = 0; i < 300; i++) {
    const site = sites[i % sites.length];
    const device = { id: newId(), siteId: site.id, machineId: newId(), hostname: `PC-${String(i).padStart(3, '0')}`, keyHash: 'a'.repeat(64), enrolledAt: new Date(NOW - SPAN - DAY) };
    await store.devices.create(device);
    devices.push(device);
  }
  const seedStarted = performance.now();
  await store.transaction(async (tx) => {
    for (let i = 0; i < TICKETS; i++) await seedTicket(tx, pick(devices));
  });
  await store.transaction(async (tx) => {
    for (let i = 0; i < ALERTS; i++) await seedAlert(tx, pick(devices));
  });
  process.stderr.write(`seeded ${TICKETS} tickets and ${ALERTS} alerts in ${Math.round(performance.now() - seedStarted)} ms\n`);

  for (const [label, from, to, siteIds] of [
    ['last month, every site', '2026-02-01', '2026-02-28', undefined],
    ['last month, one site', '2026-02-01', '2026-02-28', [sites[0].id]],
    ['a month a year ago, every site', '2025-02-01', '2025-02-28', undefined],
  ]) {
    const counted = countingStore(store);
    const times = [];
    let input;
    for (let r = 0; r < RUNS; r++) {
      counted.reset();
      const started = performance.now();
      input = await loadActivityInput(counted.store, { period: reportPeriod(from, to, 'UTC'), now: new Date(NOW), siteIds, sla: null });
      times.push(performance.now() - started);
    }
    const report = computeActivityReport(input);
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        period: label,
        medianMs: Math.round(times[Math.floor(times.length / 2)]),
        minMs: Math.round(times[0]),
        storeCalls: counted.calls(),
        rowsReturnedByStore: counted.rows(),
        input: { tickets: input.tickets.length, ticketEvents: input.ticketEvents.length, alerts: input.alerts.length, alertEvents: input.alertEvents.length, hostnames: input.hostnames.size, truncated: input.truncated },
        report: { ...pickSummary(report), alertOccurrences: report.recurring.checks.reduce((n, c) => n + c.occurrences, 0) },
      }),
    );
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

function pickSummary(report) {
  const { opened, resolved, merged, backlogAtStart, backlogAtEnd } = report.summary;
  return { opened, resolved, merged, backlogAtStart, backlogAtEnd };
}

/** Counts every repository call and the rows the calls answer (arrays: their length; a record: 1). */
function countingStore(inner) {
  let calls = 0;
  let rows = 0;
  const wrap = (repo) =>
    new Proxy(repo, {
      get(target, key) {
        const value = target[key];
        if (typeof value !== 'function') return value;
        return async (...args) => {
          calls++;
          const out = await value.apply(target, args);
          rows += Array.isArray(out) ? out.length : out === undefined ? 0 : 1;
          return out;
        };
      },
    });
  const wrapped = new Proxy(inner, { get: (target, key) => (typeof target[key] === 'object' && target[key] !== null ? wrap(target[key]) : target[key]) });
  return { store: wrapped, calls: () => calls, rows: () => rows, reset: () => void ((calls = 0), (rows = 0)) };
}

async function seedTicket(tx, device) {
  const createdAt = NOW - SPAN + Math.floor(random() * SPAN);
  const id = newId();
  const events = [];
  const event = (at, actor, type, from = null, to = null) => events.push({ id: newId(), ticketId: id, at: new Date(at).toISOString(), actor, type, visibility: 'public', body: null, from, to });
  const tech = { type: 'technician', userId: newId(), name: 'Tech' };
  event(createdAt, { type: 'employee', userId: null, name: 'Employee' }, 'created', null, 'new');
  let status = 'new';
  let resolvedAt = null;
  let closedAt = null;
  if (random() < 0.97) {
    const answered = createdAt + Math.floor(random() * 4 * 3_600_000);
    const resolved = answered + Math.floor(random() * 5 * DAY);
    if (resolved < NOW) {
      event(answered, tech, 'reply');
      event(resolved, tech, 'status-changed', 'new', 'resolved');
      status = 'resolved';
      resolvedAt = new Date(resolved);
      if (resolved + 7 * DAY < NOW) {
        event(resolved + 7 * DAY, { type: 'system', userId: null, name: 'Deskside' }, 'status-changed', 'resolved', 'closed');
        status = 'closed';
        closedAt = new Date(resolved + 7 * DAY);
      }
    }
  }
  await tx.tickets.create({
    id, subject: 'Figure ticket', description: 'seeded', category: pick(['hardware', 'software', 'printer', 'network']), impact: 'medium', urgency: 'medium', priority: pick(['P2', 'P3', 'P4']),
    status, tier: 1, assigneeId: null, requester: { name: 'Employee', username: 'employee', email: null }, deviceId: device.id, siteId: device.siteId, network: null, source: 'agent',
    createdAt: new Date(createdAt), updatedAt: new Date(createdAt), firstResponseAt: null, resolvedAt, closedAt, slaPauses: [], firstResponseBreachedAt: null, resolutionBreachedAt: null,
    timeSpentMinutes: 0, mergedIntoId: null, incidentId: null, linkedAlertIds: [], diagnostics: null,
  });
  await tx.ticketEvents.append(events);
}

async function seedAlert(tx, device) {
  const raisedAt = NOW - SPAN + Math.floor(random() * SPAN);
  const id = newId();
  const stillOpen = random() < 0.05;
  const resolvedAt = stillOpen ? null : Math.min(NOW - 1, raisedAt + Math.floor(random() * 3 * DAY));
  const agent = { actorType: 'agent', actorId: device.id, actorName: device.hostname };
  await tx.alerts.insert({
    id, deviceId: device.id, check: pick(['disk-space', 'antivirus', 'pending-reboot', 'memory']), subject: newId(), source: 'agent', severity: 'warning', state: stillOpen ? 'open' : 'resolved',
    message: 'figure', value: null, threshold: null, raisedAt: new Date(raisedAt), updatedAt: new Date(resolvedAt ?? raisedAt), clearedAt: resolvedAt === null ? null : new Date(resolvedAt),
    acknowledgedAt: null, acknowledgedBy: null, snoozedUntil: null, resolvedAt: resolvedAt === null ? null : new Date(resolvedAt), resolvedBy: null, flapping: false, occurrences: 1, ticketId: null, notified: false,
  });
  await tx.alerts.appendEvent({ id: newId(), alertId: id, at: new Date(raisedAt), ...agent, action: 'raised', details: null });
  if (resolvedAt !== null) await tx.alerts.appendEvent({ id: newId(), alertId: id, at: new Date(resolvedAt), ...agent, action: 'cleared', details: null });
}
