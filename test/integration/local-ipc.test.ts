// The agent as a system service (`deskside-agent run --ipc`, run by root) with two users' trays
// over local IPC, each tray a separate process running as its own OS user (daemon, nobody): each
// proves who it is, sees and answers only its own tickets; a tray claiming another uid is refused;
// the trays ride out a service restart, and the service restarts a tray that died.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, TEST_ENROLL_TOKEN, type TestHub } from '../support/hub.js';
import { agentBin, repoRoot } from '../support/paths.js';
import { startNode, type RunningProcess } from '../support/processes.js';

const trayScript = path.join(repoRoot, 'test/support/ipc-tray.mjs');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const USERS = { a: { name: 'daemon', uid: 1, gid: 1 }, b: { name: 'nobody', uid: 65534, gid: 65534 } };

interface Tray {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  ask(op: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** Polls until `fn` answers something (not undefined). */
async function until<T>(fn: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

let refs = 0;
function startTray(socket: string, user: { uid: number; gid: number }, extra: string[] = []): Tray {
  const child = spawn(process.execPath, [trayScript, socket, ...extra], { uid: user.uid, gid: user.gid, cwd: '/', stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
  return {
    child,
    lines,
    async ask(op) {
      const ref = ++refs;
      child.stdin!.write(`${JSON.stringify({ ...op, ref })}\n`);
      return until(() => lines.find((l) => l['ref'] === ref));
    },
  };
}

const connected = (tray: Tray, times = 1) => until(() => (tray.lines.filter((l) => l['connected'] === true).length >= times ? true : undefined));

describe.runIf(isRoot)('agent service with two users\' trays over local IPC', () => {
  let hub: TestHub;
  let service: RunningProcess;
  let dir: string;
  let socket: string;
  let stateDir: string;
  const trays: Tray[] = [];
  let marker: string;
  let restartedPid = 0;
  // The restarted tray runs as its user (runuser) and announces itself with a marker file.
  const startService = (args: string[] = []) =>
    startNode(agentBin, ['run', ...args, '--state-dir', stateDir, '--ipc', socket], {
      DESKSIDE_ENROLL_TOKEN: TEST_ENROLL_TOKEN,
      DESKSIDE_AGENT_MACHINE_ID: 'local-ipc-machine-0001',
      DESKSIDE_TRAY_GRACE_MS: '500',
      DESKSIDE_TRAY_RESTART: JSON.stringify(['runuser', '-u', '{user}', '--', process.execPath, trayScript, socket, '--marker', marker]),
    });

  beforeAll(async () => {
    hub = await startHub();
    dir = mkdtempSync(path.join(tmpdir(), 'deskside-ipc-'));
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'run'), { mode: 0o755 });
    socket = path.join(dir, 'run', 'agent.sock');
    stateDir = path.join(dir, 'state');
    // Written by the restarted tray as its user (nobody), so in a directory anyone may write.
    mkdirSync(path.join(dir, 'markers'));
    chmodSync(path.join(dir, 'markers'), 0o777);
    marker = path.join(dir, 'markers', 'restarted-tray');
    service = startService(['--hub', hub.url]);
    await service.waitFor(/local IPC listening/);
  }, 60_000);

  afterAll(async () => {
    for (const t of trays) t.child.kill('SIGKILL');
    if (restartedPid) process.kill(restartedPid, 'SIGKILL');
    await service?.stop();
    await hub?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows each user only their own tickets and lets no one answer another\'s', async () => {
    const a = startTray(socket, USERS.a);
    const b = startTray(socket, USERS.b);
    trays.push(a, b);
    await Promise.all([connected(a), connected(b)]);
    const mine = await a.ask({ op: 'create', subject: "daemon's printer jams" });
    const theirs = await b.ask({ op: 'create', subject: "nobody's VPN drops" });
    expect(mine['ok']).toBe(true);
    expect(theirs['ok']).toBe(true);
    const listA = (await a.ask({ op: 'list' }))['data'] as { subject: string }[];
    const listB = (await b.ask({ op: 'list' }))['data'] as { subject: string }[];
    expect(listA.map((t) => t.subject)).toEqual(["daemon's printer jams"]);
    expect(listB.map((t) => t.subject)).toEqual(["nobody's VPN drops"]);
    const aTicketId = (mine['data'] as { id: string }).id;
    expect(await b.ask({ op: 'reply', ticketId: aTicketId })).toMatchObject({ ok: false, code: 'invalid_payload' });
    // Pushed changes stay with their owner too.
    expect(b.lines.some((l) => l['id'] === aTicketId)).toBe(false);
    // The hub got both, each in its user's name.
    const token = await hub.login();
    const tickets = await until(async () => {
      const { body } = await hub.get('/api/v1/tickets', token);
      const list = (body as { tickets: { subject: string; requester: { username: string | null } }[] }).tickets;
      return list.length >= 2 ? list : undefined;
    });
    expect(Object.fromEntries(tickets.map((t) => [t.subject, t.requester.username]))).toMatchObject({ "daemon's printer jams": 'daemon', "nobody's VPN drops": 'nobody' });
  }, 60_000);

  it('refuses a tray that claims another user\'s uid', async () => {
    const forger = startTray(socket, USERS.a, ['--claim-uid', String(USERS.b.uid)]);
    trays.push(forger);
    await until(() => forger.lines.find((l) => l['connected'] === false && String(l['reason']).startsWith('unauthorized')));
    expect(forger.lines.some((l) => l['connected'] === true)).toBe(false);
  }, 30_000);

  it('keeps the trays through a service restart, and restarts a tray that died', async () => {
    const [a, b] = trays;
    if (!a || !b) throw new Error('the first test starts the trays');
    await service.stop('SIGTERM');
    // Enrolled now: the restarted service needs neither the hub URL nor the token.
    service = startService();
    await service.waitFor(/local IPC listening/);
    await Promise.all([connected(a, 2), connected(b, 2)]);
    const listA = (await a.ask({ op: 'list' }))['data'] as { subject: string }[];
    expect(listA.map((t) => t.subject)).toEqual(["daemon's printer jams"]);

    b.child.kill('SIGKILL');
    await until(() => (existsSync(marker) ? true : undefined));
    const [who, pid] = (await until(() => (readFileSync(marker, 'utf8').includes('\n') ? readFileSync(marker, 'utf8') : undefined))).split('\n');
    restartedPid = Number(pid);
    expect(who).toBe('nobody');
    expect(service.output()).toMatch(/restarting a tray that went away","user":"nobody"/);
    // A tray that quits on purpose says bye and is left alone.
    a.child.stdin!.write(`${JSON.stringify({ op: 'quit' })}\n`);
    await new Promise((r) => a.child.once('exit', r));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(service.output()).not.toMatch(/restarting a tray that went away","user":"daemon"/);
  }, 90_000);
});
