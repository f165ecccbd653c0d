// `npm run bench`: simulated agents against a real hub process, with a bare socket.io echo server
// measured in the same run as the baseline. Prints a readable table, then one JSON line.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureEchoBaseline } from './baseline.js';
import { cpuSeconds, rssBytes, startProgram } from './child-process.js';
import { AlertProbe, type AlertProbeResult } from './alert-probe.js';
import { runClusterBench } from './cluster-bench.js';
import { designBars, formatBar } from './bars.js';
import { measureDeviceChangeToConsole } from './device-change-probe.js';
import { enrollMany } from './enroll-many.js';
import { parseBenchOptions } from './options.js';
import { percentile, round } from './stats.js';
import { WorkerPool } from './worker-pool.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), path.join(repoRoot, 'apps/hub/bin/deskside-hub.js'));
  const say = (line: string) => process.stderr.write(`${line}\n`);
  if (options.database !== undefined) {
    say(`Deskside cluster bench: ${options.agents} agents on ${options.hubs} hub(s), ${options.workers} load processes, heartbeat every ${options.heartbeatSeconds} s`);
    return runClusterBench(options, say);
  }
  const alertAgents = options.alerts > 0 ? options.alertAgents : 0;
  say(`Deskside bench: ${options.agents} agents, ${options.workers} load workers, heartbeat every ${options.heartbeatSeconds} s`);
  if (alertAgents > 0) say(`${options.alerts} alerts raised by ${alertAgents} of the agents during the steady load`);

  // 1. Baseline: the bare echo server, same clients, same closed-loop load (again after the hub).
  const echoLoad = { benchDir: here, agents: options.agents, workers: options.workers, seconds: options.throughputSeconds };
  const echoBefore = await measureEchoBaseline(echoLoad);
  say(`baseline echo server: ${Math.round(echoBefore)} acks/s`);

  // 2. The real hub, with a fresh SQLite database.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'deskside-bench-'));
  const adminPassword = randomBytes(12).toString('base64url');
  const enrollToken = randomBytes(24).toString('base64url');
  const hub = await startProgram(
    options.hubBin,
    // Every simulated agent comes from loopback: lift the per-address caps meant for real networks.
    ['--port', '0', '--data-dir', dataDir, '--heartbeat-seconds', String(options.heartbeatSeconds), '--agent-connections-per-address', '1000000', '--agent-handshakes-per-address', '100000', '--connections-per-address', '1000000'],
    /DESKSIDE_READY (\{.*\})/,
    { ...process.env, DESKSIDE_ADMIN_PASSWORD: adminPassword, DESKSIDE_ENROLL_TOKEN: enrollToken, DESKSIDE_LOG_LEVEL: 'warn' },
  );
  const hubUrl = (JSON.parse(hub.match[1] ?? '{}') as { url: string }).url;
  const pid = hub.child.pid ?? 0;
  try {
    say(`hub at ${hubUrl}; enrolling ${options.agents} devices…`);
    const credentials = await enrollMany(hubUrl, enrollToken, options.agents);
    const rssBefore = rssBytes(pid);
    const pool = new WorkerPool(options.workers);
    const connectStarted = performance.now();
    // The alerting agents are part of the fleet, but run here: their emits and the console's
    // receipts are then timed by one clock (a worker's performance.now() has another origin).
    const [connected, alertProbe] = await Promise.all([
      pool.connect(hubUrl, '/agent', credentials.slice(alertAgents), options.heartbeatSeconds),
      alertAgents > 0 ? AlertProbe.start({ hubUrl, adminPassword, credentials: credentials.slice(0, alertAgents) }) : undefined,
    ]);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    connected.connected += alertProbe?.connected ?? 0;
    if (connected.failed > 0) say(`${connected.failed} agents failed to connect (first error: ${connected.firstError})`);
    await new Promise((r) => setTimeout(r, 2000)); // let the connection burst settle before measuring memory
    const rssAfter = rssBytes(pid);
    say(`connected ${connected.connected} agents in ${connectSeconds.toFixed(1)} s; steady load for ${options.steadySeconds} s…`);

    const cpuBefore = cpuSeconds(pid);
    const steadyStarted = performance.now();
    const noAlerts: AlertProbeResult = { latencies: [], sent: 0, received: 0, refused: 0, lost: 0 };
    const [steady, changeLatencies, alerts] = await Promise.all([
      pool.steady(options.steadySeconds, options.heartbeatSeconds),
      measureDeviceChangeToConsole({ hubUrl, adminPassword, enrollToken, probes: 40, spacingMs: Math.max(50, (options.steadySeconds * 1000) / 60) }),
      alertProbe?.run({ count: options.alerts, seconds: options.steadySeconds, heartbeatSeconds: options.heartbeatSeconds }) ?? noAlerts,
    ]);
    const cpuAfter = cpuSeconds(pid);
    const steadyWall = (performance.now() - steadyStarted) / 1000;
    alertProbe?.close();

    say(`closed-loop throughput for ${options.throughputSeconds} s…`);
    const peak = await pool.throughput(options.throughputSeconds);
    await pool.disconnect();
    await pool.terminate();
    say('baseline echo server again…');
    const echoAfter = await measureEchoBaseline(echoLoad);
    const baseline = { acksPerSecond: (echoBefore + echoAfter) / 2 };

    const result = {
      agents: connected.connected,
      connectSeconds: round(connectSeconds, 2),
      acksPerSecond: Math.round(peak.acksPerSecond),
      ackP50Ms: round(percentile(steady.latencies, 50), 2),
      ackP99Ms: round(percentile(steady.latencies, 99), 2),
      // From the agent's `alert:raise` emit to the watching console's `alerts:changed`; a lost alert counts as never arriving.
      alertToConsoleP50Ms: round(percentile(alerts.latencies, 50), 1),
      alertToConsoleP95Ms: round(percentile(alerts.latencies, 95), 1),
      alertToConsoleP99Ms: round(percentile(alerts.latencies, 99), 1),
      alertsRaised: alerts.sent,
      alertsReceived: alerts.received,
      // An inventory change reaching a console watching the fleet (the device feed is coalesced).
      deviceChangeToConsoleP99Ms: round(percentile(changeLatencies, 99), 1),
      hubRssBytesPerAgent: rssBefore !== null && rssAfter !== null ? Math.round((rssAfter - rssBefore) / Math.max(1, connected.connected)) : null,
      hubCpuPercent: cpuBefore !== null && cpuAfter !== null ? round(((cpuAfter - cpuBefore) / steadyWall) * 100, 1) : null,
      baselineAcksPerSecond: Math.round(baseline.acksPerSecond),
      ratioToBaseline: round(peak.acksPerSecond / baseline.acksPerSecond, 2),
    };
    const rows: Array<[string, string]> = [
      ['agents connected', `${result.agents} (${connected.failed} failed)`],
      ['connect time', `${result.connectSeconds} s`],
      ['steady heartbeats acked', `${steady.latencies.length} (${steady.failed} failed)`],
      ['ack latency p50 / p99', `${result.ackP50Ms} / ${result.ackP99Ms} ms`],
      ['alert → console p50/p95/p99', `${result.alertToConsoleP50Ms} / ${result.alertToConsoleP95Ms} / ${result.alertToConsoleP99Ms} ms`],
      ['alerts raised / received', `${alerts.sent} / ${alerts.received} (${alerts.refused} refused, ${alerts.lost} lost)`],
      ['device change → console p99', `${result.deviceChangeToConsoleP99Ms} ms (${changeLatencies.length} probes)`],
      ['hub throughput (closed loop)', `${result.acksPerSecond} acks/s (${peak.failed} failed)`],
      ['bare socket.io echo', `${result.baselineAcksPerSecond} acks/s (mean of ${Math.round(echoBefore)} before, ${Math.round(echoAfter)} after)`],
      ['ratio to baseline', `${result.ratioToBaseline}`],
      ['hub RSS per agent', `${result.hubRssBytesPerAgent} bytes`],
      ['hub CPU during steady load', `${result.hubCpuPercent} % of one core`],
    ];
    for (const [k, v] of rows) say(`  ${k.padEnd(30)} ${v}`);
    say('quality bars (DESIGN.md):');
    for (const bar of designBars(result, { alertsMeasured: alerts.sent > 0 })) say(`  ${formatBar(bar, result.agents)}`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    hub.child.kill('SIGTERM');
    await new Promise((r) => hub.child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
