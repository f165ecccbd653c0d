import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Generous: these wait on real sockets and fsyncs, on a machine shared with other test files.
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
import { startLocalHub, type LocalHub } from '../test-support/local-hub.js';
import type { CliIo } from './cli-io.js';
import { Outbox } from '../outbox/outbox.js';
import { runCommand, WATCHDOG_EXIT_CODE } from './run-command.js';

let hub: LocalHub;
beforeEach(async () => {
  hub = await startLocalHub();
});
afterEach(async () => {
  await hub.close();
});

function io() {
  let signal: ((s: string) => void) | undefined;
  const captured = { err: '', out: '' };
  const cli: CliIo = {
    stdout: (t) => void (captured.out += t),
    stderr: (t) => void (captured.err += t),
    onSignal: (handler) => {
      signal = handler;
      return () => (signal = undefined);
    },
  };
  return { cli, captured, raise: (s: string) => signal?.(s) };
}

const fixedMachine = { machineId: () => Promise.resolve('cli-test-machine') };

describe('deskside-agent run', { timeout: 45_000 }, () => {
  it('enrols, runs until SIGTERM, says goodbye and never logs the secrets', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cli-run-'));
    const { cli, captured, raise } = io();
    const exit = runCommand({ hubUrl: hub.url, enrollToken: 'good-token-123', stateDir }, cli, fixedMachine);
    await eventually(() => expect(hub.heartbeatsReceived.length).toBeGreaterThan(0));
    // A full inventory includes package and update checks (apt-get -s takes ~10 s on a busy 2-core box).
    await vi.waitFor(() => expect(hub.inventory).not.toBeNull(), { timeout: 25_000, interval: 50 });
    raise('SIGTERM');
    expect(await exit).toBe(0);
    expect(hub.presence.map((p) => p.state)).toEqual(['shutting-down']);
    expect(captured.err).toMatch(/"msg":"agent stopped"/);
    expect(captured.err).not.toContain('good-token-123');
    expect(captured.err).not.toContain(hub.deviceKey);
    for (const line of captured.err.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
  }, 20_000);

  it('exits 1 with a clear message on a bad token', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cli-run-'));
    const { cli, captured } = io();
    expect(await runCommand({ hubUrl: hub.url, enrollToken: 'wrong-token', stateDir }, cli, fixedMachine)).toBe(1);
    expect(captured.err).toMatch(/refused the enrolment token/);
    expect(captured.err).not.toContain('wrong-token');
  });

  it('exits 1 when the hub reports a duplicate identity', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cli-run-'));
    hub.enrollError = { status: 409, code: 'duplicate_identity', message: 'machine id already enrolled' };
    const { cli, captured } = io();
    expect(await runCommand({ hubUrl: hub.url, enrollToken: 'good-token-123', stateDir }, cli, fixedMachine)).toBe(1);
    expect(captured.err).toMatch(/DESKSIDE_AGENT_MACHINE_ID/);
  });

  it('exits 1 and stops retrying when the device is revoked', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cli-run-'));
    hub.refuse = { code: 'revoked', message: 'revoked' };
    const { cli, captured } = io();
    expect(await runCommand({ hubUrl: hub.url, enrollToken: 'good-token-123', stateDir }, cli, fixedMachine)).toBe(1);
    expect(captured.err).toMatch(/revoked/);
    expect(hub.handshakes).toBe(1);
  });

  it('exits 1 when not enrolled and no token is given', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cli-run-'));
    const { cli, captured } = io();
    expect(await runCommand({ hubUrl: hub.url, enrollToken: undefined, stateDir }, cli)).toBe(1);
    expect(captured.err).toMatch(/not enrolled yet/);
  });

  it('exits for a restart with an agent-watchdog alert in the outbox when over its budget', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cli-run-'));
    const { cli, captured } = io();
    // A 1-byte memory budget: the first reading is over it.
    const budget = { maxRssBytes: 1, maxCpuPercent: 10, cpuWindowMs: 12_000 };
    const code = await runCommand({ hubUrl: hub.url, enrollToken: 'good-token-123', stateDir }, cli, fixedMachine, { budget, intervalMs: 20 });
    expect(code).toBe(WATCHDOG_EXIT_CODE);
    expect(captured.err).toMatch(/watchdog: agent over its budget/);
    const queued = await (await Outbox.open(join(stateDir, 'outbox'))).peek(100);
    const alert = queued.find((r) => r.kind === 'alert:raise');
    expect(alert?.payload).toMatchObject({ check: 'agent-watchdog', subject: 'service memory', severity: 'warning' });
  });

  it('takes the hub and token from the installer\'s configuration and removes the token once enrolled', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'cli-run-'));
    const configFile = join(stateDir, 'agent.json');
    await writeFile(configFile, JSON.stringify({ hubUrl: hub.url, enrollToken: 'good-token-123' }), { mode: 0o600 });
    const { cli, captured, raise } = io();
    const exit = runCommand({ hubUrl: undefined, enrollToken: undefined, stateDir, configFile }, cli, fixedMachine);
    await eventually(async () => expect(await readFile(configFile, 'utf8')).not.toContain('good-token-123'));
    expect(JSON.parse(await readFile(configFile, 'utf8'))).toEqual({ hubUrl: hub.url });
    raise('SIGTERM');
    expect(await exit).toBe(0);
    expect(hub.enrollRequests).toHaveLength(1);
    expect(captured.err).not.toContain('good-token-123');
  });
});
