import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AgentStateStore, type AgentState } from '@deskside/agent-core';
import { DEFAULT_AGENT_POLICY, newId } from '@deskside/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '@deskside/electron-common/testing';
import type { SecretSealer } from './key-protection.js';
import { SEALED_STATE_FILE, SealedAgentStateStore } from './sealed-state-store.js';

// Stands in for safeStorage: a reversible transform that leaves no plaintext behind.
const sealer: SecretSealer = {
  seal: (text) => Buffer.from(text).reverse().toString('base64'),
  open: (sealed) => Buffer.from(sealed, 'base64').reverse().toString(),
};

const KEY = 'k'.repeat(40) + 'SECRETKEY';
let dir: string;
let state: AgentState;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-sealed-'));
  state = {
    hubUrl: 'https://hub.example.com',
    deviceId: newId(),
    deviceKey: KEY,
    siteId: newId(),
    policy: DEFAULT_AGENT_POLICY,
    enrolledAt: new Date().toISOString(),
  };
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('SealedAgentStateStore', () => {
  it('round-trips the state through a sealed 0600 file with no key in clear', async () => {
    const store = new SealedAgentStateStore(dir, sealer, memoryLogger());
    await store.save(state);
    const file = path.join(dir, SEALED_STATE_FILE);
    expect(await readFile(file, 'utf8')).not.toContain('SECRETKEY');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await new SealedAgentStateStore(dir, sealer, memoryLogger()).load()).toEqual(state);
  });

  it('is empty before enrolment', async () => {
    expect(await new SealedAgentStateStore(dir, sealer, memoryLogger()).load()).toBeNull();
  });

  it('seals a plain state file left by an earlier run, and removes it', async () => {
    await new AgentStateStore(dir, memoryLogger()).save(state);
    const store = new SealedAgentStateStore(dir, sealer, memoryLogger());
    expect(await store.load()).toEqual(state);
    await expect(stat(store.path)).rejects.toThrow();
    expect(await readFile(store.sealedPath, 'utf8')).not.toContain('SECRETKEY');
  });

  it('refuses a file the keychain cannot open, saying what to do', async () => {
    await writeFile(path.join(dir, SEALED_STATE_FILE), 'not-sealed-by-us');
    const failing: SecretSealer = {
      seal: sealer.seal,
      open: () => {
        throw new Error('decrypt failed');
      },
    };
    await expect(new SealedAgentStateStore(dir, failing, memoryLogger()).load()).rejects.toThrow(/remove it to enrol again/);
  });
});
