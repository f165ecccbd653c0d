import { chmod, mkdir, mkdtemp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIX_LIMITS } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executePlan } from './execute-plan.js';
import type { PlanEnv } from './plans/fix-plan.js';
import { planFix } from './plans/plan-fix.js';
import { runProgram } from './run-program.js';

const linux = process.platform === 'linux';
const DAY = 86_400_000;
let root: string;
let bin: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'deskside-fix-'));
  bin = join(root, 'bin');
  await mkdir(bin);
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A stand-in program on PATH (the machine has no systemd): records its argv, prints, exits. */
async function fakeProgram(name: string, script: string): Promise<void> {
  const file = join(bin, name);
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
}
const withFakes = (argv: readonly [string, ...string[]], o: Parameters<typeof runProgram>[1]) => runProgram(argv, { ...o, env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}` } });

describe.runIf(linux)('Linux fixes, run for real', () => {
  it('clear-temp-files measures, deletes only old regular files, never follows links, empties the trash', async () => {
    const now = Date.now();
    const env: PlanEnv = { tmpDir: join(root, 'tmp'), home: join(root, 'home'), linuxPackageManager: 'apt', systemRoot: '' };
    const trash = join(env.home, '.local/share/Trash/files');
    await mkdir(join(env.tmpDir, 'old-dir'), { recursive: true });
    await mkdir(trash, { recursive: true });
    const outside = join(root, 'precious.txt');
    await writeFile(outside, 'keep me');
    const old = async (path: string, bytes: number) => {
      await writeFile(path, Buffer.alloc(bytes, 1));
      await utimes(path, (now - 3 * DAY) / 1000, (now - 3 * DAY) / 1000);
    };
    await old(join(env.tmpDir, 'a.tmp'), 1000);
    await old(join(env.tmpDir, 'old-dir', 'b.tmp'), 2000);
    await writeFile(join(env.tmpDir, 'fresh.tmp'), Buffer.alloc(500));
    await symlink(outside, join(env.tmpDir, 'link-to-precious'));
    await utimes(join(env.tmpDir, 'old-dir'), (now - 3 * DAY) / 1000, (now - 3 * DAY) / 1000);
    await writeFile(join(trash, 'deleted.doc'), Buffer.alloc(4000));

    const plan = planFix('linux', 'clear-temp-files', { olderThanDays: 1, emptyRecycleBin: true }, env);
    const outcome = await executePlan(plan, { timeoutMs: 60_000, now: () => Date.now() });

    expect(outcome.state).toBe('succeeded');
    expect(outcome.bytesFreed).toBe(7000);
    expect(outcome.output).toContain('temporary files: 2 files, 2.9 KB freed of 2.9 KB measured');
    await expect(stat(join(env.tmpDir, 'a.tmp'))).rejects.toThrow();
    await expect(stat(join(env.tmpDir, 'old-dir'))).rejects.toThrow();
    expect((await stat(join(env.tmpDir, 'fresh.tmp'))).size).toBe(500);
    expect(await readFile(outside, 'utf8')).toBe('keep me');
    await expect(stat(join(trash, 'deleted.doc'))).rejects.toThrow();
  });

  it('restart-service runs systemctl with the unit as one argument and reports its output and status', async () => {
    await fakeProgram('systemctl', `printf '%s\\n' "$@" > "${root}/argv"; echo "restarted $3"; exit 0`);
    const outcome = await executePlan(planFix('linux', 'restart-service', { service: 'cups' }, {} as PlanEnv), { timeoutMs: 10_000, now: () => Date.now(), run: withFakes });
    expect(outcome).toMatchObject({ state: 'succeeded', exitCode: 0 });
    expect(await readFile(join(root, 'argv'), 'utf8')).toBe('restart\n--\ncups\n');
    expect(outcome.output).toContain('$ systemctl restart -- cups');
  });

  it('a failing step stops the plan with its exit status; a missing program says so', async () => {
    await fakeProgram('ip', `echo "$*" >> "${root}/ip-calls"; echo "RTNETLINK answers: Operation not permitted" >&2; exit 2`);
    const failed = await executePlan(planFix('linux', 'reset-network-adapter', { adapter: 'eth0' }, {} as PlanEnv), { timeoutMs: 10_000, now: () => Date.now(), run: withFakes });
    expect(failed).toMatchObject({ state: 'failed', exitCode: 2, message: 'ip exited with 2' });
    expect(failed.output).toContain('Operation not permitted');
    // The "up" step never ran.
    expect(await readFile(join(root, 'ip-calls'), 'utf8')).toBe('link set dev eth0 down\n');
    const missing = await executePlan({ needsAdmin: false, steps: [{ kind: 'exec', argv: ['deskside-no-such-program'] }] }, { timeoutMs: 10_000, now: () => Date.now() });
    expect(missing).toMatchObject({ state: 'failed', message: 'deskside-no-such-program could not be started (ENOENT)' });
  });

  it('a hung program is killed at the timeout; a chatty one is cut to the output budget; secrets are scrubbed', async () => {
    await fakeProgram('journalctl', 'echo "db password=hunter2 Authorization: Bearer abcdefghijklmnop"; head -c 3000000 /dev/zero | tr "\\0" x; echo');
    const chatty = await executePlan(planFix('linux', 'collect-logs', { sinceHours: 1 }, {} as PlanEnv), { timeoutMs: 30_000, now: () => Date.now(), run: withFakes });
    expect(chatty.state).toBe('succeeded');
    expect(chatty.output.length).toBeLessThanOrEqual(FIX_LIMITS.outputChars);
    const head = await runProgram([join(bin, 'journalctl')], { timeoutMs: 30_000, outputBytes: 4096 });
    expect(head.truncated).toBe(true);
    expect(head.output.length).toBe(4096);
    const scrubbed = await executePlan({ needsAdmin: false, steps: [{ kind: 'exec', argv: ['sh', '-c', 'echo "db password=hunter2 Authorization: Bearer abcdefghijklmnop"'] }] }, { timeoutMs: 10_000, now: () => Date.now() });
    expect(scrubbed.output).toContain('password=[redacted]');
    expect(scrubbed.output).not.toContain('hunter2');
    expect(scrubbed.output).not.toContain('abcdefghijklmnop');
    const hung = await executePlan({ needsAdmin: false, steps: [{ kind: 'exec', argv: ['sleep', '600'] }] }, { timeoutMs: 300, now: () => Date.now() });
    expect(hung).toMatchObject({ state: 'timed-out', exitCode: null });
  });
});
