import type { AgentStartOptions, AgentStatus, AgentStatusEvent, AgentStatusListener, TicketChangeEvent } from '@deskside/agent-core';
import { describe, expect, it, vi } from 'vitest';
import type { AgentConnectionStatus } from '../common/bridge-api.js';
import { memoryLogger } from '@deskside/electron-common/testing';
import type { AgentConfig } from './agent-config.js';
import { AgentHost, connectionStatusOf, type AgentRuntimeLike, type AgentRuntimeOptions } from './agent-host.js';
import type { KeyProtection } from './key-protection.js';

/** A stand-in for agent-core's runtime: records calls, reports the phases the test gives it. */
class RecordingRuntime implements AgentRuntimeLike {
  readonly calls: string[] = [];
  startError: Error | null = null;
  private readonly listeners = new Set<AgentStatusListener>();
  private snapshot: Pick<AgentStatus, 'phase' | 'deviceId'> = { phase: 'idle', deviceId: null };
  async start(options: AgentStartOptions) {
    this.calls.push(`start:${options.hubUrl ?? ''}:${options.enrollToken ?? ''}`);
    if (this.startError) throw this.startError;
  }
  async stop(reason: string) {
    this.calls.push(`stop:${reason}`);
  }
  async notifySuspend() {
    this.calls.push('suspend');
  }
  notifyResume() {
    this.calls.push('resume');
  }
  onStatus(listener: AgentStatusListener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  status() {
    return this.snapshot;
  }
  /** Moves to `phase`, telling listeners as agent-core does. */
  report(phase: AgentStatus['phase'], event: AgentStatusEvent = { type: 'connected' }, deviceId: string | null = null) {
    this.snapshot = { phase, deviceId };
    const full = { ...this.snapshot, hubUrl: null, queued: 0, lastHeartbeatAt: null, lastInventoryAt: null, error: null };
    for (const listener of this.listeners) listener(event, full);
  }
}

const config = (hubUrl: string | null): AgentConfig => ({ hubUrl, enrollToken: 'token-1234', hubFingerprint: null, helpDesk: null, hideQuit: false, source: null });
const keychain: KeyProtection = { kind: 'os-keychain', sealer: { seal: (s) => `sealed(${s})`, open: (s) => s } };

function host(options: { hubUrl?: string | null; protection?: KeyProtection } = {}) {
  const runtime = new RecordingRuntime();
  const created: AgentRuntimeOptions[] = [];
  const logger = memoryLogger();
  const agent = new AgentHost({
    config: config(options.hubUrl === undefined ? 'https://hub.example.com' : options.hubUrl),
    stateDir: '/home/alice/.config/Deskside Agent',
    keyProtection: options.protection ?? keychain,
    createRuntime: async (o) => {
      created.push(o);
      return runtime;
    },
    logger,
  });
  const seen: AgentConnectionStatus[] = [];
  agent.onStatus((status) => seen.push(status));
  return { agent, runtime, created, seen, logger };
}

describe('connectionStatusOf', () => {
  it.each<[AgentStatus['phase'], AgentConnectionStatus]>([
    ['idle', 'starting'],
    ['enrolling', 'starting'],
    ['connecting', 'starting'],
    ['connected', 'connected'],
    ['offline', 'offline'],
    ['stopped', 'offline'],
    ['error', 'error'],
  ])('%s → %s', (phase, status) => expect(connectionStatusOf(phase)).toBe(status));
});

describe('AgentHost', () => {
  it('starts the runtime with the state dir, hub, token and keychain sealer', async () => {
    const { agent, runtime, created } = host();
    await agent.start();
    expect(runtime.calls).toEqual(['start:https://hub.example.com:token-1234']);
    expect(created[0]).toMatchObject({ stateDir: '/home/alice/.config/Deskside Agent' });
    expect(created[0]?.secretSealer?.seal('k')).toBe('sealed(k)');
  });

  it('passes no sealer when the key rests in the owner-only file', async () => {
    const { agent, created } = host({ protection: { kind: 'owner-only-file', reason: 'no keyring' } });
    await agent.start();
    expect(created[0]).not.toHaveProperty('secretSealer');
  });

  it('stays not-configured without a hub URL, creating no runtime', async () => {
    const { agent, created, seen } = host({ hubUrl: null });
    await agent.start();
    expect(created).toEqual([]);
    expect(seen).toEqual(['not-configured']);
  });

  it('follows the runtime phase, reporting changes only, and knows the device id', async () => {
    const { agent, runtime, seen } = host();
    await agent.start();
    runtime.report('connecting', { type: 'enrolled', deviceId: 'dev-1', siteId: 'site-1' }, 'dev-1');
    runtime.report('connected', { type: 'connected' }, 'dev-1');
    runtime.report('connected', { type: 'connected' }, 'dev-1');
    runtime.report('offline', { type: 'offline', reason: 'transport close' }, 'dev-1');
    runtime.report('error', { type: 'error', code: 'REFUSED', message: 'revoked', fatal: true }, 'dev-1');
    expect(seen).toEqual(['connected', 'offline', 'error']);
    expect(agent.deviceId()).toBe('dev-1');
  });

  it.each([
    ['a missing enrolment', Object.assign(new Error('not enrolled'), { name: 'AgentConfigError' }), 'not-configured'],
    ['any other failure', new Error('boom'), 'error'],
  ])('reports %s at start', async (_name, error, status) => {
    const { agent, runtime, seen, logger } = host();
    runtime.startError = error;
    await agent.start();
    expect(seen).toEqual([status]);
    expect(logger.entries.some((e) => e.level === 'error')).toBe(true);
  });

  it('forwards power events and stops once', async () => {
    const { agent, runtime } = host();
    await agent.start();
    agent.notifySuspend();
    agent.notifyResume();
    await agent.stop('quit');
    await agent.stop('quit');
    expect(runtime.calls).toEqual(['start:https://hub.example.com:token-1234', 'suspend', 'resume', 'stop:quit']);
  });

  it('unsubscribes listeners', async () => {
    const { agent, runtime } = host();
    const seen: string[] = [];
    const unsubscribe = agent.onStatus((s) => seen.push(s));
    await agent.start();
    unsubscribe();
    runtime.report('connected');
    expect(seen).toEqual([]);
  });
});

describe('AgentHost tickets', () => {
  it('relays ticket changes and says "help requested" while a ticket is open', async () => {
    let open = false;
    const changeListeners = new Set<(event: TicketChangeEvent) => void>();
    const runtime = Object.assign(new RecordingRuntime(), {
      tickets: {
        create: () => Promise.reject(new Error('unused')),
        reply: () => Promise.reject(new Error('unused')),
        list: () => Promise.resolve([]),
        hasOpenTicket: () => Promise.resolve(open),
        diagnostics: () => Promise.reject(new Error('unused')),
        checkConnection: () => Promise.reject(new Error('unused')),
        confirm: () => Promise.reject(new Error('unused')),
        rate: () => Promise.reject(new Error('unused')),
        onChange: (listener: (event: TicketChangeEvent) => void) => {
          changeListeners.add(listener);
          return () => changeListeners.delete(listener);
        },
      },
    });
    const agent = new AgentHost({ config: config('https://hub.example.com'), stateDir: '/s', keyProtection: keychain, createRuntime: async () => runtime, logger: memoryLogger() });
    const relayed: string[] = [];
    const help: boolean[] = [];
    agent.onTicketChange((event) => relayed.push(event.change));
    agent.onHelpRequested((requested) => help.push(requested));
    expect(agent.tickets()).toBeNull();
    await agent.start();
    expect(agent.tickets()).toBe(runtime.tickets);
    open = true;
    const ticket = { id: '01J00000000000000000000001' } as TicketChangeEvent['ticket'];
    for (const l of changeListeners) l({ change: 'queued', ticket });
    await vi.waitFor(() => expect(help).toEqual([true]));
    open = false;
    for (const l of changeListeners) l({ change: 'status', ticket });
    await vi.waitFor(() => expect(help).toEqual([true, false]));
    expect(relayed).toEqual(['queued', 'status']);
  });
});
