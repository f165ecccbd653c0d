import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExecFn } from '../probes/exec.js';
import { forgetEnrollToken, MachineConfigError, readMachineConfig, writeMachineConfig } from './machine-config.js';

const file = (content: string, mode = 0o644) => {
  const path = join(mkdtempSync(join(tmpdir(), 'machine-config-')), 'agent.json');
  writeFileSync(path, content, { mode });
  return path;
};

describe('machine configuration', () => {
  it('reads what an installer wrote and makes it owner-only', async () => {
    const path = file(JSON.stringify({ hubUrl: 'https://hub.example.com:4800', enrollToken: 'tok-123', hubFingerprint: 'AB:CD', perMachine: true }));
    expect(await readMachineConfig(path)).toEqual({ hubUrl: 'https://hub.example.com:4800', enrollToken: 'tok-123', hubFingerprint: 'AB:CD' });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('reads a file Windows PowerShell wrote (with a byte-order mark)', async () => {
    expect(await readMachineConfig(file(`\uFEFF${JSON.stringify({ hubUrl: 'https://hub.example.com' })}`))).toEqual({ hubUrl: 'https://hub.example.com' });
  });

  it('answers null without a file, and a clear error for a bad one that never echoes the token', async () => {
    expect(await readMachineConfig(join(tmpdir(), 'no-such-dir-xyz', 'agent.json'))).toBeNull();
    await expect(readMachineConfig(file('{not json'))).rejects.toThrow(MachineConfigError);
    const bad = readMachineConfig(file(JSON.stringify({ hubUrl: 'ftp://x', enrollToken: 'secret-token-1' })));
    await expect(bad).rejects.toThrow(/hubUrl/);
    await expect(bad).rejects.not.toThrow(/secret-token-1/);
  });

  it('forgets the token after enrolment, keeping the rest, owner-only', async () => {
    const path = file(JSON.stringify({ hubUrl: 'https://hub.example.com', enrollToken: 'tok-123' }));
    expect(await forgetEnrollToken(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).not.toContain('tok-123');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ hubUrl: 'https://hub.example.com' });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await forgetEnrollToken(path)).toBe(false);
  });

  it('writes a validated configuration owner-only, and on Windows locks it to SYSTEM and Administrators', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'machine-config-')), 'deskside', 'agent.json');
    const calls: string[][] = [];
    const exec: ExecFn = (file, args) => {
      calls.push([file, ...args]);
      return Promise.resolve({ exitCode: 0, stdout: new Uint8Array(), stderr: new Uint8Array() });
    };
    await writeMachineConfig(path, { hubUrl: 'https://hub.example.com', enrollToken: 'tok-1' }, { platform: 'win32', exec });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ hubUrl: 'https://hub.example.com', enrollToken: 'tok-1' });
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(calls).toEqual([['icacls', path, '/inheritance:r', '/grant:r', '*S-1-5-18:F', '*S-1-5-32-544:F']]);
    await expect(writeMachineConfig(path, { hubUrl: 'javascript:alert(1)' })).rejects.toThrow();
  });
});
