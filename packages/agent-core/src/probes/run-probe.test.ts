import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineTextProbe } from './define-probe.js';
import { execFileBuffered, type ExecFn } from './exec.js';
import { OUTPUT_FILE, ok, unknown, type ProbeCommand } from './probe.js';
import { runProbe } from './run-probe.js';

// Real child processes (node itself), so the runner's handling of exits, timeouts and missing
// programs is tested against Node's actual execFile behaviour.
const node = (script: string, extra: Partial<ProbeCommand> = {}): ProbeCommand => ({ file: process.execPath, args: ['-e', script], ...extra });

const linesProbe = (commands: [ProbeCommand, ...ProbeCommand[]]) =>
  defineTextProbe<string[]>({
    id: 'test.lines',
    platforms: [process.platform],
    commands,
    parseText: (text) => (text.trim() === '' ? unknown('empty output') : ok(text.trim().split('\n'))),
    combine: (lists) => lists.flat(),
  });

describe('runProbe with execFile', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'probe-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('parses stdout bytes, decoding UTF-16LE and CRLF', async () => {
    const script = "process.stdout.write(Buffer.concat([Buffer.from([0xff,0xfe]), Buffer.from('a\\r\\nb\\r\\n','utf16le')]))";
    expect(await runProbe(linesProbe([node(script)]), execFileBuffered)).toEqual({ status: 'ok', value: ['a', 'b'] });
  });

  it('a non-zero exit is unknown with the code and stderr', async () => {
    const result = await runProbe(linesProbe([node("console.error('Access is denied.'); process.exit(5)")]), execFileBuffered);
    expect(result).toEqual({ status: 'unknown', reason: expect.stringMatching(/exited with code 5: Access is denied\./) });
  });

  it('an accepted non-zero exit is parsed', async () => {
    const result = await runProbe(linesProbe([node("console.log('Reboot is required'); process.exit(1)", { acceptExitCode: (c) => c <= 1 })]), execFileBuffered);
    expect(result).toEqual({ status: 'ok', value: ['Reboot is required'] });
  });

  it('a missing program is unknown (ENOENT)', async () => {
    const result = await runProbe(linesProbe([{ file: 'deskside-no-such-program', args: [] }]), execFileBuffered);
    expect(result).toEqual({ status: 'unknown', reason: expect.stringContaining('ENOENT') });
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('a program that may not be executed is unknown (EACCES)', async () => {
    const file = join(dir, 'not-executable');
    await writeFile(file, '#!/bin/sh\necho hi\n');
    await chmod(file, 0o644);
    const result = await runProbe(linesProbe([{ file, args: [] }]), execFileBuffered);
    expect(result).toEqual({ status: 'unknown', reason: expect.stringContaining('permission denied') });
  });

  it('a hanging program is killed and reported as timed out', async () => {
    const result = await runProbe(linesProbe([node('setTimeout(() => {}, 60000)', { timeoutMs: 300 })]), execFileBuffered);
    expect(result).toEqual({ status: 'unknown', reason: expect.stringContaining('timed out') });
  });

  it('too much output is unknown, not a crash', async () => {
    const result = await runProbe(linesProbe([node("process.stdout.write('x'.repeat(100000))")]), execFileBuffered, { maxBuffer: 1000 });
    expect(result).toEqual({ status: 'unknown', reason: expect.stringContaining('more output than allowed') });
  });

  it('several commands are combined; a failing one is skipped', async () => {
    const result = await runProbe(linesProbe([node("console.log('one')"), node('process.exit(3)'), node("console.log('two')")]), execFileBuffered);
    expect(result).toEqual({ status: 'ok', value: ['one', 'two'] });
  });

  it('reads a command that writes to a file (reg export) and removes the file', async () => {
    const script = "require('fs').writeFileSync(process.argv[1], 'from file\\n')";
    const result = await runProbe(linesProbe([{ file: process.execPath, args: ['-e', script, OUTPUT_FILE] }]), execFileBuffered);
    expect(result).toEqual({ status: 'ok', value: ['from file'] });
  });

  it('a probe for another platform does not run', async () => {
    let calls = 0;
    const exec: ExecFn = async () => {
      calls += 1;
      return { stdout: new Uint8Array(), stderr: new Uint8Array(), exitCode: 0 };
    };
    const result = await runProbe(linesProbe([node('')]), exec, { platform: process.platform === 'aix' ? 'sunos' : 'aix' });
    expect(result.status).toBe('unknown');
    expect(calls).toBe(0);
  });

  it('a parser that throws becomes unknown', async () => {
    const probe = defineTextProbe<number>({
      id: 'test.throws',
      platforms: [process.platform],
      commands: [node("console.log('x')")],
      parseText: () => {
        throw new Error('boom');
      },
    });
    expect(await runProbe(probe, execFileBuffered)).toEqual({ status: 'unknown', reason: 'parser failed: boom' });
  });

  it('an exec function that rejects with anything is unknown', async () => {
    const exec: ExecFn = () => Promise.reject(new Error('weird'));
    expect(await runProbe(linesProbe([node('')]), exec)).toEqual({ status: 'unknown', reason: expect.stringContaining('weird') });
  });
});
