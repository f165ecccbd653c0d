import { chmod, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AgentStateStore, type AgentState } from './agent-state.js';
import { MACHINE_ID_ENV, machineId } from './machine-id.js';
import { defaultStateDir } from './state-dir.js';
import type { Logger } from '../util/logger.js';

const posix = process.platform !== 'win32';

const state: AgentState = {
  hubUrl: 'http://127.0.0.1:4800',
  deviceId: '01J0000000000000000000000A',
  deviceKey: 'k'.repeat(43),
  siteId: '01J0000000000000000000000B',
  policy: { heartbeatSeconds: 30, inventorySeconds: 3600 },
  enrolledAt: '2026-01-01T00:00:00.000Z',
};

function capture(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug() {}, info() {}, error() {}, warn: (m) => void warnings.push(m) };
}

describe('AgentStateStore', () => {
  it('writes the state 0600 in a 0700 directory and reads it back', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'state-')), 'nested');
    const store = new AgentStateStore(dir, capture());
    expect(await store.load()).toBeNull();
    await store.save(state);
    expect(await store.load()).toEqual(state);
    if (posix) {
      expect((await stat(store.path)).mode & 0o777).toBe(0o600);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
  });

  it.skipIf(!posix)('tightens a group/world-readable state file and warns', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'state-'));
    const logger = capture();
    const store = new AgentStateStore(dir, logger);
    await store.save(state);
    await chmod(store.path, 0o644);
    expect(await store.load()).toEqual(state);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect(logger.warnings.join()).toMatch(/readable by other users/);
  });

  it('refuses a malformed file with a clear message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'state-'));
    const store = new AgentStateStore(dir, capture());
    await writeFile(store.path, JSON.stringify({ ...state, deviceKey: 'short' }), { mode: 0o600 });
    await expect(store.load()).rejects.toThrow(/invalid; remove it to enrol again/);
    await writeFile(store.path, '{', { mode: 0o600 });
    await expect(store.load()).rejects.toThrow(/not valid JSON/);
    expect(await readFile(store.path, 'utf8')).toBe('{');
  });
});

describe('machineId', () => {
  it('uses the override from the environment', async () => {
    expect(await machineId({ [MACHINE_ID_ENV]: '  sim-agent-0001 ' })).toBe('sim-agent-0001');
    await expect(machineId({ [MACHINE_ID_ENV]: 'short' })).rejects.toThrow(/8 to 128/);
  });

  it('reads a stable hashed OS id otherwise', async () => {
    const a = await machineId({});
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await machineId({})).toBe(a);
  });
});

describe('defaultStateDir', () => {
  it.each([
    ['linux', { XDG_STATE_HOME: '/x/state' }, false, '/x/state/deskside-agent'],
    ['linux', {}, false, '/home/u/.local/state/deskside-agent'],
    ['linux', { XDG_STATE_HOME: 'relative' }, false, '/home/u/.local/state/deskside-agent'],
    ['linux', {}, true, '/var/lib/deskside-agent'],
    ['darwin', {}, false, '/home/u/Library/Application Support/Deskside Agent'],
    ['win32', { ProgramData: 'D:\\PD' }, false, 'D:\\PD\\Deskside\\agent'],
  ] as const)('%s %o root=%s → %s', (platform, env, root, expected) => {
    expect(defaultStateDir(platform, env, '/home/u', root)).toBe(expected);
  });
});
