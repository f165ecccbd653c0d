import { describe, expect, it } from 'vitest';
import { scriptedEnv } from '../exec-fixtures.js';
import { cachedPendingUpdates, PENDING_UPDATES_TTL_MS, type PendingUpdatesCacheDeps } from './pending-updates-cache.js';
import { collectLinuxSecurity } from './security.js';

const HOUR = 60 * 60 * 1000;

/** A fake clock and file system: `mtimes` stand for the apt state paths, `files` for the cache file. */
function fakeDeps(start = 1_700_000_000_000) {
  const state = { now: start, mtimes: { '/var/lib/apt/lists': 1000, '/var/cache/apt/pkgcache.bin': 900 } as Record<string, number>, files: {} as Record<string, string> };
  const deps: PendingUpdatesCacheDeps = {
    now: () => state.now,
    mtimeMs: (p) => Promise.resolve(state.mtimes[p]),
    readText: (p) => (p in state.files ? Promise.resolve(state.files[p] ?? '') : Promise.reject(new Error('ENOENT'))),
    writeText: (p, t) => {
      state.files[p] = t;
      return Promise.resolve();
    },
    file: '/home/agent/.cache/deskside/apt-pending-updates.json',
  };
  return { state, deps };
}

function counter(values: (number | undefined)[]) {
  let calls = 0;
  return { fn: () => Promise.resolve(values[Math.min(calls++, values.length - 1)]), calls: () => calls };
}

describe('cachedPendingUpdates', () => {
  it('reuses the count within the TTL and recounts after it', async () => {
    const { state, deps } = fakeDeps();
    const c = counter([4, 7]);
    expect(await cachedPendingUpdates(deps, c.fn)).toBe(4);
    state.now += 5 * HOUR;
    expect(await cachedPendingUpdates(deps, c.fn)).toBe(4);
    expect(c.calls()).toBe(1);
    state.now += PENDING_UPDATES_TTL_MS;
    expect(await cachedPendingUpdates(deps, c.fn)).toBe(7);
    expect(c.calls()).toBe(2);
  });

  it('recounts when apt update touched the lists or the package cache', async () => {
    const { state, deps } = fakeDeps();
    const c = counter([4, 0, 2]);
    await cachedPendingUpdates(deps, c.fn);
    state.mtimes['/var/lib/apt/lists'] = 2000;
    expect(await cachedPendingUpdates(deps, c.fn)).toBe(0);
    state.mtimes['/var/cache/apt/pkgcache.bin'] = 3000;
    expect(await cachedPendingUpdates(deps, c.fn)).toBe(2);
    expect(c.calls()).toBe(3);
  });

  it('never caches a failed count, and ignores corrupt, hostile or future entries', async () => {
    const { state, deps } = fakeDeps();
    const c = counter([undefined, 3, 5, 6]);
    expect(await cachedPendingUpdates(deps, c.fn)).toBeUndefined();
    expect(state.files).toEqual({});
    expect(await cachedPendingUpdates(deps, c.fn)).toBe(3);
    const file = deps.file ?? '';
    state.files[file] = '{"count":-1,"at":0,"stateMtimeMs":1000}';
    expect(await cachedPendingUpdates(deps, c.fn)).toBe(5);
    state.files[file] = JSON.stringify({ count: 9, at: state.now + HOUR, stateMtimeMs: 1000 });
    expect(await cachedPendingUpdates(deps, c.fn)).toBe(6);
  });

  it('counts every time without apt state or without a cache file', async () => {
    const a = fakeDeps();
    a.state.mtimes = {};
    const c = counter([1, 2]);
    await cachedPendingUpdates(a.deps, c.fn);
    expect(await cachedPendingUpdates(a.deps, c.fn)).toBe(2);
    const b = fakeDeps();
    const d = counter([1, 2]);
    await cachedPendingUpdates({ ...b.deps, file: null }, d.fn);
    expect(await cachedPendingUpdates({ ...b.deps, file: null }, d.fn)).toBe(2);
  });

  it('the Linux security collector runs apt-get once across two runs', async () => {
    const { deps } = fakeDeps();
    const calls: string[] = [];
    const inst = 'Inst libc6 [2.35-0ubuntu3.7] (2.35-0ubuntu3.8 Ubuntu:22.04/jammy-updates [amd64])\nInst tzdata [2024a] (2024b Ubuntu [all])\n';
    const env = scriptedEnv('linux', [{ file: 'apt-get', argsContain: 'upgrade', stdout: inst }], {}, calls);
    expect((await collectLinuxSecurity(env, deps)).pendingUpdates).toBe(2);
    expect((await collectLinuxSecurity(env, deps)).pendingUpdates).toBe(2);
    expect(calls.filter((c) => c.startsWith('apt-get')).length).toBe(1);
  });
});
