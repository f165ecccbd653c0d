// The agent's footprint on this machine (`npm run bench:agent`): CLI start, full inventory wall
// time and peak RSS, and an idle connected agent's RSS and CPU with 30 s heartbeats against a
// real hub, run with the service's Node flags and environment (as its unit runs it); a bare `node -e ""` start is measured in the same run for reference. Prints one line
// per figure, then one JSON line. Needs the built agent-core and hub; reads /proc (Linux).
//   node packages/agent-core/scripts/bench-agent.mjs [--runs 5] [--idle-seconds 90]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SERVICE_ENV, SERVICE_NODE_FLAGS } from '../dist/service/node-flags.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const agentBin = path.join(repo, 'packages/agent-core/bin/deskside-agent.js');
const hubBin = path.join(repo, 'apps/hub/bin/deskside-hub.js');
const { values } = parseArgs({ options: { runs: { type: 'string' }, 'idle-seconds': { type: 'string' } } });
const runs = Math.max(1, Number(values.runs ?? 5));
const idleSeconds = Math.max(35, Number(values['idle-seconds'] ?? 90));
const GOALS = { cliStartSeconds: 0.15, inventorySeconds: 0.6, inventoryPeakRssMb: 80, idleRssMb: 60, idleCpuPercent: 0.1 };
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command to completion; answers wall seconds and (with GNU time) peak RSS in MB. */
function timed(args) {
  return new Promise((resolve, reject) => {
    const argv = gnuTime ? ['-f', 'DSBENCH %M', process.execPath, ...args] : args;
    const started = process.hrtime.bigint();
    const child = spawn(gnuTime ?? process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${err.slice(-500)}`));
      const kb = /DSBENCH (\d+)/.exec(err)?.[1];
      resolve({ seconds, peakRssMb: kb ? Number(kb) / 1024 : null });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, digits = 3) => (x === null ? null : Number(x.toFixed(digits)));

async function repeat(args) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await timed(args));
  const rss = results.map((r) => r.peakRssMb).filter((x) => x !== null);
  return { seconds: median(results.map((r) => r.seconds)), peakRssMb: rss.length ? Math.max(...rss) : null };
}

/** Starts a Node program and resolves once `pattern` shows in its output. */
function startUntil(file, args, env, pattern, timeoutMs = 60_000, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, file, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`timed out waiting for ${pattern}:\n${output.slice(-2000)}`)), timeoutMs);
    const fail = (e) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    const onData = (d) => {
      output += d;
      const m = pattern.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`${file} exited (${code}) early:\n${output.slice(-2000)}`)));
  });
}

/** CPU seconds (user + system, with the commands it ran and reaped, e.g. `df`) and RSS of a Linux process, from /proc. */
function sample(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { cpuSeconds: ticks / 100, rssMb: rssKb / 1024 };
}

async function idleAgent() {
  const dir = mkdtempSync(path.join(tmpdir(), 'deskside-bench-agent-'));
  const token = 'bench-enrolment-token-0123456789abcdef';
  const children = [];
  try {
    const hub = await startUntil(hubBin, ['--port', '0', '--data-dir', path.join(dir, 'hub')], {
      DESKSIDE_ADMIN_PASSWORD: 'bench-admin-password-0123456789',
      DESKSIDE_ENROLL_TOKEN: token,
    }, /DESKSIDE_READY (\{.*\})/);
    children.push(hub.child);
    const url = JSON.parse(hub.match[1]).url;
    const agent = await startUntil(agentBin, ['run', '--hub', url, '--state-dir', path.join(dir, 'agent')], {
      ...SERVICE_ENV,
      DESKSIDE_ENROLL_TOKEN: token,
      DESKSIDE_LOG_LEVEL: 'info',
    }, /inventory synchronised/, 60_000, process.env.DESKSIDE_BENCH_FLAGS !== undefined ? process.env.DESKSIDE_BENCH_FLAGS.split(' ').filter(Boolean) : SERVICE_NODE_FLAGS);
    children.push(agent.child);
    // Let the start-up work (first inventory, checks) finish, then watch a window of heartbeats.
    await new Promise((r) => setTimeout(r, 5_000));
    const pid = agent.child.pid;
    const first = sample(pid);
    let peak = first.rssMb;
    const started = Date.now();
    while (Date.now() - started < idleSeconds * 1000) {
      await new Promise((r) => setTimeout(r, 1_000));
      peak = Math.max(peak, sample(pid).rssMb);
    }
    const last = sample(pid);
    const wall = (Date.now() - started) / 1000;
    return { rssMb: last.rssMb, peakRssMb: peak, cpuPercent: ((last.cpuSeconds - first.cpuSeconds) / wall) * 100, seconds: wall };
  } finally {
    for (const c of children.reverse()) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

const bare = await repeat(['-e', '']);
console.log(`bare node start        ${bare.seconds.toFixed(3)} s (median of ${runs})`);
const cli = await repeat([agentBin, '--help']);
console.log(`deskside-agent --help  ${cli.seconds.toFixed(3)} s (goal ≤ ${GOALS.cliStartSeconds} s)`);
const inventory = await repeat([agentBin, 'inventory']);
console.log(`full inventory         ${inventory.seconds.toFixed(3)} s wall (goal ≤ ${GOALS.inventorySeconds} s), peak RSS ${inventory.peakRssMb?.toFixed(1) ?? '?'} MB (goal ≤ ${GOALS.inventoryPeakRssMb} MB)`);
const idle = await idleAgent();
console.log(`idle connected agent   ${idle.rssMb.toFixed(1)} MB RSS (peak ${idle.peakRssMb.toFixed(1)}; goal ≤ ${GOALS.idleRssMb} MB), ${idle.cpuPercent.toFixed(3)} % of a core over ${idle.seconds.toFixed(0)} s (goal ≤ ${GOALS.idleCpuPercent} %)`);
console.log(JSON.stringify({
  bareNodeStartSeconds: round(bare.seconds),
  cliStartSeconds: round(cli.seconds),
  inventorySeconds: round(inventory.seconds),
  inventoryPeakRssMb: round(inventory.peakRssMb, 1),
  idleRssMb: round(idle.rssMb, 1),
  idlePeakRssMb: round(idle.peakRssMb, 1),
  idleCpuPercent: round(idle.cpuPercent),
}));
