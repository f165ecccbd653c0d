import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Generous: these wait on real sockets and fsyncs, on a machine shared with other test files.
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
import { startLocalHub, type LocalHub } from '../test-support/local-hub.js';
import type { CliIo } from './cli-io.js';
import { runCommand } from './run-command.js';

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
});
