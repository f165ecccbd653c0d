// `npm run bench -- --hubs N --database [URL]`: N hubs on one PostgreSQL, the fleet spread evenly
// over them (each hub's share driven by load processes of its own, from 127.0.0.x addresses), the
// alerting agents on the last hub and the watching console on the first, so the alert figure
// crosses hubs through the adapter. Reports per hub and in total; ends with one JSON line.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { AlertProbe, type AlertProbeResult } from './alert-probe.js';
import { startBenchHubs } from './bench-hubs.js';
import { cpuSeconds, rssBytes } from './child-process.js';
import type { AgentCredential } from './messages.js';
import type { BenchOptions } from './options.js';
import { openBenchDatabase } from './postgres-target.js';
import { seedFleet } from './seed-fleet.js';
import { percentile, round } from './stats.js';
import { WorkerPool } from './worker-pool.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runClusterBench(options: BenchOptions, say: (line: string) => void): Promise<void> {
  const database = await openBenchDatabase(options.database ?? 'local');
  say(`PostgreSQL: ${options.database === 'local' || options.database === undefined ? 'throwaway local cluster (fsync on)' : 'the given server'}${database.postmasterPid ? `, postmaster pid ${database.postmasterPid}` : ' (not local: its CPU is not measured)'}`);
  const adminPassword = randomBytes(12).toString('base64url');
  const enrollToken = randomBytes(24).toString('base64url');
  say(`creating ${options.agents} devices…`);
  const seedStarted = performance.now();
  const fleet = await database.unmeasured(() => seedFleet(database.url, options.agents));
  say(`created in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  const { hubs, stop } = await startBenchHubs({ hubBin: options.hubBin, count: options.hubs, databaseUrl: database.url, heartbeatSeconds: options.heartbeatSeconds, adminPassword, enrollToken });
  const pools: WorkerPool[] = [];
  let probe: AlertProbe | undefined;
  try {
    say(`${hubs.length} hubs: ${hubs.map((h) => h.url).join(', ')}`);
    const credentials = hubs.map((_, i) => fleet.filter((_c, j) => j % hubs.length === i));
    const last = hubs.length - 1;
    const alertAgents = options.alerts > 0 ? Math.min(options.alertAgents, credentials[last]?.length ?? 0) : 0;
    const alerting = (credentials[last] ?? []).slice(0, alertAgents);
    const loadOf = (i: number): AgentCredential[] => (i === last ? (credentials[i] ?? []).slice(alertAgents) : (credentials[i] ?? []));

    const perHubWorkers = Math.max(1, Math.ceil(options.workers / hubs.length));
    let address = 10;
    for (let i = 0; i < hubs.length; i++) {
      pools.push(new WorkerPool(perHubWorkers, { localAddresses: Array.from({ length: perHubWorkers }, () => `127.0.0.${address++}`) }));
    }
    const rssBefore = hubs.map((h) => rssBytes(h.pid));
    const connectStarted = performance.now();
    const [connected, alertProbe] = await Promise.all([
      Promise.all(pools.map((pool, i) => pool.connect(hubs[i]?.url ?? '', '/agent', loadOf(i), options.heartbeatSeconds))),
      alertAgents > 0 ? AlertProbe.start({ hubUrl: hubs[last]?.url ?? '', consoleHubUrl: hubs[0]?.url ?? '', adminPassword, credentials: alerting }) : undefined,
    ]);
    probe = alertProbe;
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const connectedPerHub = connected.map((c, i) => c.connected + (i === last ? (alertProbe?.connected ?? 0) : 0));
    const failed = connected.reduce((n, c) => n + c.failed, 0);
    if (failed > 0) say(`${failed} agents failed to connect (first error: ${connected.find((c) => c.firstError)?.firstError})`);
    await sleep(2000); // let the connection burst settle before measuring memory
    const rssAfter = hubs.map((h) => rssBytes(h.pid));
    say(`connected ${connectedPerHub.reduce((a, b) => a + b, 0)} agents (${connectedPerHub.join(' / ')}) in ${connectSeconds.toFixed(1)} s; steady load for ${options.steadySeconds} s…`);

    const cpuBefore = hubs.map((h) => cpuSeconds(h.pid));
    const pgCpuBefore = database.cpuSeconds();
    const rowsBefore = await database.heartbeatRows();
    const steadyStarted = performance.now();
    const noAlerts: AlertProbeResult = { latencies: [], sent: 0, received: 0, refused: 0, lost: 0 };
    const [steady, alerts] = await Promise.all([
      Promise.all(pools.map((pool) => pool.steady(options.steadySeconds, options.heartbeatSeconds))),
      alertProbe?.run({ count: options.alerts, seconds: options.steadySeconds, heartbeatSeconds: options.heartbeatSeconds }) ?? noAlerts,
    ]);
    const steadyWall = (performance.now() - steadyStarted) / 1000;
    const cpuAfter = hubs.map((h) => cpuSeconds(h.pid));
    const pgCpuAfter = database.cpuSeconds();
    const rowsAfter = await database.heartbeatRows();
    alertProbe?.close();
    probe = undefined;

    say(`closed-loop throughput over the cluster for ${options.throughputSeconds} s…`);
    const peaks = await Promise.all(pools.map((pool) => pool.throughput(options.throughputSeconds)));

    const cpuPercent = (i: number) => {
      const before = cpuBefore[i];
      const after = cpuAfter[i];
      return before == null || after == null ? null : round(((after - before) / steadyWall) * 100, 1);
    };
    const rssPerAgent = (i: number) => {
      const before = rssBefore[i];
      const after = rssAfter[i];
      return before == null || after == null ? null : Math.round((after - before) / Math.max(1, connectedPerHub[i] ?? 0));
    };
    const perHub = hubs.map((h, i) => ({
      hub: i + 1,
      agents: connectedPerHub[i] ?? 0,
      ackP50Ms: round(percentile(steady[i]?.latencies ?? [], 50), 2),
      ackP99Ms: round(percentile(steady[i]?.latencies ?? [], 99), 2),
      heartbeatsFailed: steady[i]?.failed ?? 0,
      cpuPercent: cpuPercent(i),
      rssBytes: rssAfter[i],
      rssBytesPerAgent: rssPerAgent(i),
      acksPerSecond: Math.round(peaks[i]?.acksPerSecond ?? 0),
    }));
    const allLatencies = steady.flatMap((s) => s.latencies);
    const agents = connectedPerHub.reduce((a, b) => a + b, 0);
    const hubCpus = perHub.map((h) => h.cpuPercent);
    const rssGrowth = hubs.map((_, i) => (rssBefore[i] == null || rssAfter[i] == null ? null : (rssAfter[i] ?? 0) - (rssBefore[i] ?? 0)));
    const result = {
      hubs: hubs.length,
      agents,
      connectSeconds: round(connectSeconds, 2),
      ackP50Ms: round(percentile(allLatencies, 50), 2),
      ackP99Ms: round(percentile(allLatencies, 99), 2),
      heartbeatsAcked: allLatencies.length,
      heartbeatsFailed: steady.reduce((n, s) => n + s.failed, 0),
      // One health_samples row per stored heartbeat, counted in PostgreSQL over the steady window.
      heartbeatRowsPerSecond: round((rowsAfter - rowsBefore) / steadyWall, 1),
      // From an agent's `alert:raise` on the last hub to `alerts:changed` on a console on the first.
      alertToConsoleP50Ms: round(percentile(alerts.latencies, 50), 1),
      alertToConsoleP99Ms: round(percentile(alerts.latencies, 99), 1),
      alertsRaised: alerts.sent,
      alertsReceived: alerts.received,
      acksPerSecond: Math.round(peaks.reduce((n, p) => n + p.acksPerSecond, 0)),
      hubCpuPercent: hubCpus.every((c) => c !== null) ? round(hubCpus.reduce<number>((a, b) => a + (b ?? 0), 0), 1) : null,
      hubRssBytesPerAgent: rssGrowth.every((r) => r !== null) ? Math.round(rssGrowth.reduce<number>((a, b) => a + (b ?? 0), 0) / Math.max(1, agents)) : null,
      postgresCpuPercent: pgCpuBefore !== null && pgCpuAfter !== null ? round(((pgCpuAfter - pgCpuBefore) / steadyWall) * 100, 1) : null,
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
      perHub,
    };
    for (const h of perHub) {
      say(`  hub ${h.hub}: ${h.agents} agents, ack p50/p99 ${h.ackP50Ms}/${h.ackP99Ms} ms (${h.heartbeatsFailed} failed), CPU ${h.cpuPercent} %, RSS ${h.rssBytesPerAgent} B/agent, ${h.acksPerSecond} acks/s closed loop`);
    }
    const rows: Array<[string, string]> = [
      ['agents connected', `${agents} (${failed} failed) in ${result.connectSeconds} s`],
      ['heartbeat ack p50 / p99', `${result.ackP50Ms} / ${result.ackP99Ms} ms (${result.heartbeatsAcked} acked, ${result.heartbeatsFailed} failed)`],
      ['heartbeat rows stored', `${result.heartbeatRowsPerSecond} rows/s`],
      ['alert → console (across hubs)', `p50 ${result.alertToConsoleP50Ms} / p99 ${result.alertToConsoleP99Ms} ms (${alerts.received}/${alerts.sent}, ${alerts.refused} refused, ${alerts.lost} lost)`],
      ['cluster throughput (closed loop)', `${result.acksPerSecond} acks/s`],
      ['hubs CPU (sum)', `${result.hubCpuPercent} % of one core`],
      ['hub RSS per agent', `${result.hubRssBytesPerAgent} bytes`],
      ['PostgreSQL CPU', result.postgresCpuPercent === null ? 'not measured (not local)' : `${result.postgresCpuPercent} % of one core`],
      ['load average (1 min)', `${result.loadAverage1m}`],
    ];
    for (const [k, v] of rows) say(`  ${k.padEnd(32)} ${v}`);
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    say('goals (issue #12, 30,000 agents on 3 hubs):');
    say(`  ${verdict((result.ackP99Ms ?? Infinity) <= 100)}  heartbeat ack p99 ${result.ackP99Ms} ms ≤ 100 ms (this run ${agents} agents)`);
    say(`  ${verdict((result.alertToConsoleP99Ms ?? Infinity) <= 200)}  alert → console p99 ${result.alertToConsoleP99Ms} ms ≤ 200 ms`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    probe?.close();
    await Promise.all(pools.map((p) => p.disconnect().catch(() => undefined)));
    await Promise.all(pools.map((p) => p.terminate()));
    await stop();
    await database.close();
  }
}
